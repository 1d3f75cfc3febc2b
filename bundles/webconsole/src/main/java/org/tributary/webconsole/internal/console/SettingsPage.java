package org.tributary.webconsole.internal.console;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.json.JsonWriter;

/**
 * The Settings page: every Tributary configuration as a form drawn from its metatype, saved through
 * Configuration Admin with each value typed as its attribute says, so it applies at once. {@code GET
 * settings.json} lists the forms; {@code POST api/save?pid=PID} with form fields {@code f.ID} (repeated for
 * several values) saves one, or answers 400 with the refused fields.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + SettingsPage.LABEL,
        "felix.webconsole.title=Settings",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class SettingsPage extends ConsolePage {

    static final String LABEL = "tributary-settings";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SettingsPage.class);
    private static final String FIELD = "f.";

    private final transient BundleContext context;
    private final transient ConfigForms forms;

    /** @param context this bundle's context, to list the bundles that describe configurations */
    @Activate
    public SettingsPage(BundleContext context, @Reference ConfigurationAdmin configs,
                        @Reference MetaTypeService metaTypes) {
        super(LABEL);
        this.context = context;
        this.forms = new ConfigForms(configs, metaTypes);
    }

    @Override
    void data(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!name.equals("settings")) {
            send(response, ApiResponse.message(HttpServletResponse.SC_NOT_FOUND, "No such data: " + name));
            return;
        }
        List<ConfigForms.Form> all = forms.all(context.getBundles());
        send(response, ApiResponse.ok(JsonWriter.json(w -> {
            w.object().array("forms");
            all.forEach(form -> write(w, form));
            w.end().end();
        })));
    }

    @Override
    void action(String method, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String pid = request.getParameter("pid");
        ConfigForms.Form form = !"POST".equals(method) || !"save".equals(path) || pid == null ? null
                : forms.find(context.getBundles(), pid);
        if (form == null) {
            send(response, ApiResponse.message(HttpServletResponse.SC_NOT_FOUND,
                    "No Tributary configuration " + (pid == null ? "named" : pid)));
            return;
        }
        Map<String, String[]> submitted = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> {
            if (key.startsWith(FIELD)) {
                submitted.put(key.substring(FIELD.length()), values);
            }
        });
        TypedValues values = TypedValues.of(form.properties(),
                form.definition().getAttributeDefinitions(org.osgi.service.metatype.ObjectClassDefinition.ALL),
                submitted);
        if (!values.errors().isEmpty()) {
            send(response, new ApiResponse(HttpServletResponse.SC_BAD_REQUEST, JsonWriter.json(w -> {
                w.object().field("message", String.join("; ", values.errors().values())).object("errors");
                values.errors().forEach(w::field);
                w.end().end();
            })));
            return;
        }
        forms.configuration(form).update(values.properties());
        LOG.info("Configuration {} saved from the web console", pid);
        send(response, ApiResponse.message(HttpServletResponse.SC_OK, "Saved " + form.definition().getName()
                + " (" + pid + "); it applies now"));
    }

    private static void write(JsonWriter w, ConfigForms.Form form) {
        w.object().field("pid", form.pid()).field("factoryPid", form.factoryPid())
                .field("name", form.definition().getName()).field("description", form.definition().getDescription())
                .field("saved", form.properties() != null);
        w.array("fields");
        AttributeDefinition[] fields = form.definition().getAttributeDefinitions(
                org.osgi.service.metatype.ObjectClassDefinition.ALL);
        for (AttributeDefinition field : fields == null ? new AttributeDefinition[0] : fields) {
            boolean password = field.getType() == AttributeDefinition.PASSWORD;
            w.object().field("id", field.getID()).field("name", field.getName())
                    .field("description", field.getDescription()).field("type", TypedValues.typeName(field.getType()))
                    .field("cardinality", field.getCardinality());
            strings(w, "defaults", field.getDefaultValue() == null ? List.of() : List.of(field.getDefaultValue()));
            Object current = form.properties() == null ? null : form.properties().get(field.getID());
            strings(w, "values", password ? List.of() : current == null
                    ? (field.getDefaultValue() == null ? List.of() : List.of(field.getDefaultValue())) : texts(current));
            w.array("options");
            String[] labels = field.getOptionLabels();
            String[] options = field.getOptionValues();
            for (int i = 0; options != null && i < options.length; i++) {
                w.object().field("value", options[i])
                        .field("label", labels != null && i < labels.length ? labels[i] : options[i]).end();
            }
            w.end().end();
        }
        w.end().end();
    }

    private static void strings(JsonWriter w, String name, List<String> values) {
        w.array(name);
        values.forEach(w::value);
        w.end();
    }

    /** @return a property value (single, array or collection) as text, one item per value */
    static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(item -> texts.add(String.valueOf(item)));
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                texts.add(String.valueOf(Array.get(value, i)));
            }
        } else {
            texts.add(String.valueOf(value));
        }
        return texts;
    }
}
