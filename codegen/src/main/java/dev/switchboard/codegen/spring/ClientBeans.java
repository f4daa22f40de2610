package dev.switchboard.codegen.spring;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.switchboard.codegen.java.JavaNames;
import dev.switchboard.contract.model.ServiceContract;

/**
 * The bean method that registers a transport's generated client, the same for every transport:
 * when no other {@code <Service>Client} exists and the configuration selects the transport, a
 * client on the transport's caller for the service, with the application's fallback if it has one.
 */
public final class ClientBeans {

    private ClientBeans() {}

    /**
     * @param transport  as {@code client.transport} names it: {@code rest}, {@code grpc}
     * @param addressKey the key under {@code client.} that must be set, e.g. {@code base-url}
     * @param callers    the transport's {@code ...Callers} bean type
     * @param caller     the caller type it hands out per service
     * @param client     the generated client class, also the bean's type so callers can inject it
     */
    public static MethodSpec clientBean(ServiceContract contract, String transport, String addressKey,
            ClassName callers, ClassName caller, ClassName client) {
        ClassName fallback = JavaNames.clientFallback(contract);
        ClassName operations = JavaNames.operations(contract);
        return MethodSpec.methodBuilder(JavaNames.beanPrefix(contract) + client.simpleName()
                        .substring(contract.service().length()))
                .addAnnotation(SpringTypes.BEAN)
                .addAnnotation(AnnotationSpec.builder(SpringTypes.CONDITIONAL_ON_MISSING_BEAN)
                        .addMember("value", "$T.class", JavaNames.clientInterface(contract))
                        .build())
                .addAnnotations(SpringTypes.clientConditions(contract, transport, addressKey))
                .returns(client)
                .addParameter(callers, "callers")
                .addParameter(ParameterizedTypeName.get(SpringTypes.OBJECT_PROVIDER, fallback), "fallback")
                .addStatement("$T caller = callers.forService($T.SERVICE,$W$T::decodeError)", caller, operations,
                        operations)
                .addStatement("return new $T(caller,$Wfallback.getIfAvailable(() -> new $T() {}))", client, fallback)
                .build();
    }
}
