package org.tributary.webconsole.internal.console;

import org.osgi.service.metatype.AttributeDefinition;

/** An attribute definition as a metatype describes one; {@code validate} refuses values in {@code refused}. */
record FakeAttribute(String id, int type, int cardinality, String refused) implements AttributeDefinition {

    static FakeAttribute of(String id, int type) {
        return new FakeAttribute(id, type, 0, null);
    }

    @Override
    public String getName() {
        return id.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String getID() {
        return id;
    }

    @Override
    public String getDescription() {
        return "the " + id;
    }

    @Override
    public int getCardinality() {
        return cardinality;
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public String[] getOptionValues() {
        return null;
    }

    @Override
    public String[] getOptionLabels() {
        return null;
    }

    @Override
    public String validate(String value) {
        return value.equals(refused) ? "value " + value + " is refused" : "";
    }

    @Override
    public String[] getDefaultValue() {
        return null;
    }
}
