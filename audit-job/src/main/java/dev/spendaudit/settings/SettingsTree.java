package dev.spendaudit.settings;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The names settings records declare, as a tree read from the records themselves (each component a name in
 * kebab case, as Spring Boot binds it): so no list of names is kept by hand beside the records.
 */
final class SettingsTree {

	private SettingsTree() {
	}

	/** A name in the tree. */
	sealed interface Node permits Group, Leaf, Values, Entries {

	}

	/** A record: its components by name in Spring Boot's uniform form (lower case, no dashes). */
	record Group(Map<String, Named> children) implements Node {

		Node child(String uniform) {
			Named named = children.get(uniform);
			return named == null ? null : named.node();
		}

	}

	/** A child of a group, with its name as written in the settings ({@code master-key-sha256}). */
	record Named(String dashed, Node node) {

	}

	/**
	 * One value; {@code defaultValue} is the record's {@code @DefaultValue}, or null; {@code environmentOnly}: it
	 * is {@link EnvironmentOnly}.
	 */
	record Leaf(String defaultValue, boolean environmentOnly) implements Node {

	}

	/** A list or map of plain values: any name below it is the value's own. */
	record Values(String defaultValue) implements Node {

	}

	/** A list or map of records: any one index or key, then the record's names. */
	record Entries(Group entry) implements Node {

	}

	/** A settings record bound at {@code prefix}. */
	record Bound(String prefix, Class<?> type) {

	}

	/** The tree under {@code root} of every record bound at or below it. */
	static Group of(ConfigurationPropertyName root, Collection<Bound> records) {
		Group top = new Group(new LinkedHashMap<>());
		for (Bound bound : records) {
			ConfigurationPropertyName prefix = ConfigurationPropertyName.of(bound.prefix());
			Group group = top;
			for (int i = root.getNumberOfElements(); i < prefix.getNumberOfElements(); i++) {
				String element = prefix.getElement(i, ConfigurationPropertyName.Form.DASHED);
				group = (Group) group.children()
					.computeIfAbsent(uniform(element), k -> new Named(element, new Group(new LinkedHashMap<>())))
					.node();
			}
			addComponents(group, bound.type());
		}
		return top;
	}

	private static void addComponents(Group group, Class<?> type) {
		if (!type.isRecord()) {
			throw new IllegalStateException("settings must be records: " + type.getName());
		}
		RecordComponent[] components = type.getRecordComponents();
		Parameter[] parameters = canonicalParameters(type, components);
		for (int i = 0; i < components.length; i++) {
			String dashed = DataObjectPropertyName.toDashedForm(components[i].getName());
			group.children().put(uniform(dashed), new Named(dashed, node(components[i], parameters[i])));
		}
	}

	private static Node node(RecordComponent component, Parameter parameter) {
		Class<?> type = component.getType();
		DefaultValue annotation = parameter.getAnnotation(DefaultValue.class);
		String defaultValue = annotation == null ? null : String.join(",", annotation.value());
		if (type.isRecord()) {
			Group group = new Group(new LinkedHashMap<>());
			addComponents(group, type);
			return group;
		}
		if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray()) {
			Class<?> element = elementType(component);
			if (element != null && element.isRecord()) {
				Group entry = new Group(new LinkedHashMap<>());
				addComponents(entry, element);
				return new Entries(entry);
			}
			return new Values(defaultValue);
		}
		return new Leaf(defaultValue, parameter.isAnnotationPresent(EnvironmentOnly.class));
	}

	/** A list's or array's element type, a map's value type; null when it cannot be told. */
	private static Class<?> elementType(RecordComponent component) {
		if (component.getType().isArray()) {
			return component.getType().getComponentType();
		}
		ResolvableType type = ResolvableType.forType(component.getGenericType());
		ResolvableType element = Map.class.isAssignableFrom(component.getType()) ? type.asMap().getGeneric(1)
				: type.asCollection().getGeneric(0);
		return element.resolve();
	}

	private static Parameter[] canonicalParameters(Class<?> type, RecordComponent[] components) {
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		try {
			return type.getDeclaredConstructor(types).getParameters();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), ex);
		}
	}

	static String uniform(String element) {
		return ConfigurationPropertyName.of(element).getElement(0, ConfigurationPropertyName.Form.UNIFORM);
	}

}
