package dev.switchboard.it.rest.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.filter.OncePerRequestFilter;

/** Keeps the headers of the last request, so a test sees what a client really sent. */
public class RequestHeaders extends OncePerRequestFilter {

    private volatile Map<String, String> last = Map.of();

    /** The last request's headers, by name in any case. */
    public Map<String, String> last() {
        return last;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        last = headers;
        chain.doFilter(request, response);
    }
}
