(function (T) {
    'use strict';
    var filter = document.getElementById('log-filter');

    function text(line) {
        return typeof line === 'string' ? line : [line.time, line.level, line.logger, line.message]
            .filter(function (part) { return part; }).join(' ');
    }

    function lines(id, part, none) {
        T.rows(id, part && part.lines ? part.lines : [], [function (line) {
            return T.el('code', {className: 'tributary-line'}, text(line));
        }], part && part.available === false ? 'Not available' : none);
    }

    function show(json) {
        var access = json.access || {};
        document.getElementById('log-fields').textContent = access.fields || '';
        lines('log-warnings', json.warnings, filter.value ? 'No line matches' : 'No warnings');
        lines('log-access', access, filter.value ? 'No line matches' : 'No finished sessions yet');
        document.getElementById('log-count').textContent = ((json.warnings || {}).lines || []).length + ' warnings, '
            + (access.lines || []).length + ' access lines';
    }

    var poller = T.poll(function () { return T.get('log', {filter: filter.value}).then(show); }, 3);
    filter.addEventListener('input', function () { poller.now(); });
}(Tributary));
