(function (T) {
    'use strict';
    var forms = [];
    var choice = document.getElementById('settings-choice');

    /** A factory instance is named after its file (PID factory~NAME) or, failing that, its generated PID. */
    function title(form) {
        if (!form.factoryPid) {
            return form.name;
        }
        var tilde = form.pid.indexOf('~');
        return form.name + ' – ' + (tilde >= 0 ? form.pid.substring(tilde + 1) : form.pid.substring(form.factoryPid.length + 1));
    }

    /** One input per value: a select for options, a checkbox for booleans, a text box otherwise. */
    function input(field, value, index) {
        var name = 'f.' + field.id;
        var id = 'field-' + field.id + (index ? '-' + index : '');
        if (field.options && field.options.length) {
            return T.el('select', {name: name, id: id, className: 'ui-state-default ui-corner-all'},
                field.options.map(function (o) {
                    return T.el('option', {value: o.value, selected: o.value === value}, o.label);
                }));
        }
        if (field.type === 'boolean') {
            return [T.el('input', {type: 'hidden', name: name, value: 'false', disabled: value === 'true'}),
                T.el('input', {type: 'checkbox', name: name, id: id, value: 'true', checked: value === 'true',
                    onchange: function (e) { e.target.previousSibling.disabled = e.target.checked; }})];
        }
        var number = ['long', 'integer', 'short', 'byte', 'double', 'float'].indexOf(field.type) >= 0;
        return T.el('input', {type: field.type === 'password' ? 'password' : 'text', name: name, id: id,
            value: value === undefined ? '' : value, className: 'ui-state-default ui-corner-all'
                + (number ? ' tributary-number' : ''), placeholder: field.type === 'password' ? 'unchanged' : field.type});
    }

    /** A field with several values (cardinality other than 0) gets one line per value in a text area. */
    function editor(field) {
        if (field.cardinality === 0 || field.options.length || field.type === 'boolean') {
            return input(field, field.values[0], 0);
        }
        return T.el('textarea', {name: 'f.' + field.id, id: 'field-' + field.id, rows: Math.max(2, field.values.length + 1),
            className: 'ui-state-default ui-corner-all', value: field.values.join('\n'), title: 'one value a line'});
    }

    function show() {
        var form = forms[choice.selectedIndex];
        if (!form) {
            T.fill('settings-fields', T.el('tr', {}, T.el('td', {}, 'No Tributary configuration found')));
            return;
        }
        document.getElementById('settings-pid').textContent = form.pid + (form.saved ? '' : ' (defaults, not saved yet)');
        document.getElementById('settings-description').textContent = form.description || '';
        T.fill('settings-fields', form.fields.map(function (field) {
            return T.el('tr', {data: {field: field.id}},
                T.el('th', {}, T.el('label', {htmlFor: 'field-' + field.id}, field.name)),
                T.el('td', {}, editor(field),
                    T.el('div', {className: 'tributary-description'}, field.description || ''),
                    T.el('div', {className: 'tributary-default'}, field.type
                        + (field.defaults.length ? ', default: ' + field.defaults.join(', ') : '')),
                    T.el('div', {className: 'tributary-error', id: 'error-' + field.id})));
        }));
    }

    function load(keep) {
        return T.get('settings').then(function (json) {
            forms = json.forms || [];
            T.fill(choice, forms.map(function (form) { return T.el('option', {value: form.pid}, title(form)); }));
            var index = forms.findIndex(function (form) { return form.pid === keep; });
            choice.selectedIndex = index >= 0 ? index : 0;
            show();
        });
    }

    function save(event) {
        event.preventDefault();
        var form = forms[choice.selectedIndex];
        var data = new URLSearchParams();
        data.append('pid', form.pid);
        new FormData(document.getElementById('settings-form')).forEach(function (value, name) {
            if (document.querySelector('textarea[name="' + CSS.escape(name) + '"]')) {
                value.split('\n').forEach(function (line) { data.append(name, line); });
            } else {
                data.append(name, value);
            }
        });
        form.fields.forEach(function (field) { document.getElementById('error-' + field.id).textContent = ''; });
        T.act('POST', 'save?pid=' + encodeURIComponent(form.pid), data.toString(), 'application/x-www-form-urlencoded')
            .then(function () { return load(form.pid); }, function (error) {
                var errors = (error.json && error.json.errors) || {};
                Object.keys(errors).forEach(function (id) {
                    var line = document.getElementById('error-' + id);
                    if (line) { line.textContent = errors[id]; }
                });
            });
    }

    choice.addEventListener('change', show);
    document.getElementById('settings-form').addEventListener('submit', save);
    load(null).then(function () { T.status('Choose a configuration, edit it and save', false); },
        function (error) { T.status(error.message, true); });
}(Tributary));
