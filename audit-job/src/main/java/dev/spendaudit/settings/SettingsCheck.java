package dev.spendaudit.settings;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Checks every setting before any bean is made, so before a database is opened or the demo server started:
 * refuses every name under {@code spend-audit} that no settings record declares, then binds each record once, so
 * a wrong value stops the run too, naming its path; refuses a setting read from the environment only (a key) that
 * a file or the command line sets. The records are the context's own
 * {@code @ConfigurationProperties} beans, so a feature adds settings by adding its record, nothing else. Then
 * registers the {@link SettingsInForce} for whoever wants to list them.
 */
final class SettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	private ConfigurableEnvironment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<SettingsTree.Bound> records = records(beanFactory);
		SettingsInForce settings = new SettingsInForce(environment, SettingsCatalog.of(records));
		List<SettingsInForce.Setting> unknown = settings.unknown();
		if (!unknown.isEmpty()) {
			throw new UnknownSettingException(unknown);
		}
		List<SettingsInForce.Setting> misplaced = settings.outsideTheEnvironment();
		if (!misplaced.isEmpty()) {
			throw new EnvironmentOnlySettingException(misplaced);
		}
		// the beans bind their records again when they are made; binding them here, first, keeps a wrong value
		// from being found only after a database was opened
		Binder binder = Binder.get(environment);
		for (SettingsTree.Bound record : records) {
			binder.bindOrCreate(record.prefix(), Bindable.of(record.type()).withBindMethod(BindMethod.VALUE_OBJECT));
		}
		beanFactory.registerSingleton("settingsInForce", settings);
	}

	/** The settings records bound at or under {@code spend-audit}, from their bean definitions (nothing is made). */
	static List<SettingsTree.Bound> records(ConfigurableListableBeanFactory beanFactory) {
		List<SettingsTree.Bound> records = new ArrayList<>();
		String root = SettingsCatalog.ROOT.toString();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanClass(beanFactory.getBeanDefinition(name), beanFactory.getBeanClassLoader());
			if (type == null) {
				continue;
			}
			MergedAnnotation<ConfigurationProperties> properties = MergedAnnotations.from(type)
				.get(ConfigurationProperties.class);
			if (properties.isPresent()) {
				String prefix = properties.getString("prefix");
				if (prefix.equals(root) || prefix.startsWith(root + ".")) {
					records.add(new SettingsTree.Bound(prefix, type));
				}
			}
		}
		return records;
	}

	private static Class<?> beanClass(BeanDefinition definition, ClassLoader classLoader) {
		if (definition instanceof AbstractBeanDefinition abstractDefinition && abstractDefinition.hasBeanClass()) {
			return abstractDefinition.getBeanClass();
		}
		String className = definition.getBeanClassName();
		if (className == null || definition.getFactoryMethodName() != null) {
			return null;
		}
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
