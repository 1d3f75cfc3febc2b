package org.tributary.webconsole.internal.console;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Vector;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * Turns what a settings form sent (text, one or more values per field) into configuration properties
 * typed as the metatype says: the type of each attribute, a single value, an array (cardinality above 0)
 * or a {@code Vector} (below 0), checked with the attribute's own {@code validate}. Properties the form
 * does not know (such as the file the configuration came from) are kept.
 */
final class TypedValues {

    private final Hashtable<String, Object> properties = new Hashtable<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    private TypedValues() {
    }

    /**
     * @param current   the configuration's properties now, or null for a new one
     * @param fields    the attributes of its form
     * @param submitted the form's values by attribute id; a field left out keeps its value
     * @return the properties to save, or the errors by attribute id
     */
    static TypedValues of(Dictionary<String, ?> current, AttributeDefinition[] fields, Map<String, String[]> submitted) {
        TypedValues result = new TypedValues();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                result.properties.put(key, current.get(key));
            }
        }
        for (AttributeDefinition field : fields) {
            String[] values = submitted.get(field.getID());
            if (values != null) {
                result.apply(field, values);
            }
        }
        return result;
    }

    /** @return the typed properties; only meaningful without {@link #errors()} */
    Dictionary<String, Object> properties() {
        return properties;
    }

    /** @return why a field's values were refused, by attribute id; empty when all were taken */
    Map<String, String> errors() {
        return errors;
    }

    private void apply(AttributeDefinition field, String[] raw) {
        boolean password = field.getType() == AttributeDefinition.PASSWORD;
        List<String> values = new ArrayList<>();
        for (String value : raw) {
            String text = field.getType() == AttributeDefinition.STRING || password ? value : value.strip();
            if (field.getCardinality() == 0 || !text.isEmpty()) {
                values.add(text);
            }
        }
        if (password && values.size() == 1 && values.get(0).isEmpty()) {
            return; // a password field left empty keeps the password
        }
        if (field.getCardinality() == 0 && values.size() != 1) {
            errors.put(field.getID(), field.getName() + ": one value expected");
            return;
        }
        if (field.getCardinality() == 0 && values.get(0).isEmpty() && field.getType() != AttributeDefinition.STRING
                && !password) {
            properties.remove(field.getID()); // the component's default applies
            return;
        }
        int most = Math.abs(field.getCardinality());
        if (field.getCardinality() != 0 && most != Integer.MAX_VALUE && values.size() > most) {
            errors.put(field.getID(), field.getName() + ": at most " + most + " values");
            return;
        }
        List<Object> typed = new ArrayList<>();
        for (String value : values) {
            String problem = field.validate(value);
            if (problem != null && !problem.isEmpty()) {
                errors.put(field.getID(), field.getName() + ": " + problem);
                return;
            }
            try {
                typed.add(parse(field.getType(), value));
            } catch (IllegalArgumentException e) {
                errors.put(field.getID(), field.getName() + ": " + e.getMessage());
                return;
            }
        }
        properties.put(field.getID(), shape(field, typed));
    }

    private static Object shape(AttributeDefinition field, List<Object> typed) {
        if (field.getCardinality() == 0) {
            return typed.get(0);
        }
        if (field.getCardinality() < 0) {
            return new Vector<>(typed);
        }
        Object array = java.lang.reflect.Array.newInstance(boxed(field.getType()), typed.size());
        for (int i = 0; i < typed.size(); i++) {
            java.lang.reflect.Array.set(array, i, typed.get(i));
        }
        return array;
    }

    /** @throws IllegalArgumentException naming what was expected */
    static Object parse(int type, String value) {
        try {
            return switch (type) {
                case AttributeDefinition.LONG -> Long.valueOf(value);
                case AttributeDefinition.INTEGER -> Integer.valueOf(value);
                case AttributeDefinition.SHORT -> Short.valueOf(value);
                case AttributeDefinition.BYTE -> Byte.valueOf(value);
                case AttributeDefinition.DOUBLE -> Double.valueOf(value);
                case AttributeDefinition.FLOAT -> Float.valueOf(value);
                case AttributeDefinition.BOOLEAN -> parseBoolean(value);
                case AttributeDefinition.CHARACTER -> parseCharacter(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not " + typeName(type));
        }
    }

    /** @return the attribute type's name as forms show it, such as {@code integer} */
    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.INTEGER -> "integer";
            case AttributeDefinition.SHORT -> "short";
            case AttributeDefinition.BYTE -> "byte";
            case AttributeDefinition.DOUBLE -> "double";
            case AttributeDefinition.FLOAT -> "float";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.CHARACTER -> "character";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }

    private static Boolean parseBoolean(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' is not true or false");
        }
        return Boolean.valueOf(lower);
    }

    private static Character parseCharacter(String value) {
        if (value.length() != 1) {
            throw new IllegalArgumentException("'" + value + "' is not one character");
        }
        return value.charAt(0);
    }

    private static Class<?> boxed(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }
}
