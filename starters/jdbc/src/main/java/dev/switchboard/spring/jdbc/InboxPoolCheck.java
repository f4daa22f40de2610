package dev.switchboard.spring.jdbc;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.runtime.messaging.MessageSubscriptions;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.jdbc.DataSourceUnwrapper;

/**
 * With the transactional inbox every running handler holds a pooled connection for its whole run,
 * remote calls included, so the pool must hold subscriptions × concurrency connections and some
 * for the rest of the application. Checked once the subscriptions are known: a pool smaller than
 * one subscription's handlers fails startup (they alone would starve everything else); a pool
 * without {@value #HEADROOM} spare connections beyond all handlers is logged as a warning.
 */
final class InboxPoolCheck implements SmartInitializingSingleton {

    static final int HEADROOM = 2;
    private static final Log log = LogFactory.getLog(InboxPoolCheck.class);

    private final DataSource dataSource;
    private final ObjectProvider<MessageSubscriptions> subscriptions;
    private final int concurrency;

    InboxPoolCheck(DataSource dataSource, ObjectProvider<MessageSubscriptions> subscriptions, int concurrency) {
        this.dataSource = dataSource;
        this.subscriptions = subscriptions;
        this.concurrency = concurrency;
    }

    @Override
    public void afterSingletonsInstantiated() {
        HikariConfigMXBean pool = DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class,
                HikariDataSource.class);
        int count = subscriptions.orderedStream().mapToInt(MessageSubscriptions::size).sum();
        if (pool == null || count == 0) {
            return;
        }
        int size = pool.getMaximumPoolSize();
        int handlers = count * concurrency;
        if (size < concurrency) {
            throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size is " + size + " but with "
                    + "switchboard.messaging.processed-messages=jdbc each of the " + concurrency + " handlers of one "
                    + "subscription (switchboard.messaging.concurrency) holds a connection while it runs; make the "
                    + "pool at least " + (handlers + HEADROOM) + " (" + count + " subscriptions × " + concurrency
                    + " + " + HEADROOM + ")");
        }
        if (size < handlers + HEADROOM) {
            log.warn("spring.datasource.hikari.maximum-pool-size is " + size + " but " + count + " subscriptions × "
                    + concurrency + " handlers may each hold a connection (switchboard.messaging.processed-messages"
                    + "=jdbc), leaving the rest of the application waiting; consider at least "
                    + (handlers + HEADROOM));
        }
    }
}
