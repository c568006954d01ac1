package dev.tapedeck.spring.boot;

import dev.tapedeck.Connection;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link Connection} bean per configured provider, named {@code <id>Connection} and qualified by the
 * id, each the connection {@link TapedeckConnections} holds (which also closes it).
 */
final class ConnectionBeans implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importing, BeanDefinitionRegistry registry) {
        BeanFactory beans = (BeanFactory) registry;
        for (String id : ConfiguredProviders.ids(environment)) {
            RootBeanDefinition connection = new RootBeanDefinition(Connection.class);
            connection.setTargetType(Connection.class);
            connection.setInstanceSupplier(() -> beans.getBean(TapedeckConnections.class).get(id));
            connection.addQualifier(new AutowireCandidateQualifier(Qualifier.class, id));
            // TapedeckConnections closes it, once
            connection.setDestroyMethodName("");
            registry.registerBeanDefinition(id + "Connection", connection);
        }
    }
}
