(function (T) {
    'use strict';
    var serving = null;

    function summary(status) {
        var sessions = status.sessions || {};
        var totals = status.totals || {};
        var row = function (name, value) { return T.el('tr', {}, T.el('th', {}, name), T.el('td', {}, value)); };
        T.fill('dash-summary',
            row('Uptime', T.duration(status.uptimeSeconds) + ' (since ' + T.time(status.started) + ')'),
            row('Sessions now', (sessions.total || 0) + ': ' + (sessions.viewer || 0) + ' viewers, '
                + (sessions.publisher || 0) + ' publishers, ' + (sessions.listener || 0) + ' MP3 listeners'),
            row('Bit rate', T.bits(status.bitRateOut) + ' out, ' + T.bits(status.bitRateIn) + ' in'),
            row('Served since start', totals.available === false ? 'not available'
                : (totals.sessions || 0) + ' sessions, ' + T.bytes(totals.bytesSent) + ' sent ('
                + (totals.packetsSent || 0) + ' packets), ' + T.bytes(totals.bytesReceived) + ' received ('
                + (totals.packetsReceived || 0) + ' packets)'));
    }

    function state(status) {
        serving = !!status.serving;
        var label = document.getElementById('dash-state');
        label.textContent = serving ? 'Running' : 'Stopped';
        label.className = 'tributary-state ' + (serving ? 'tributary-running' : 'tributary-stopped');
        document.getElementById('dash-toggle').textContent = serving ? 'Stop Service' : 'Start Service';
    }

    function endpoints(status) {
        var list = [];
        (status.servers || []).forEach(function (server) {
            (server.endpoints || []).forEach(function (e) {
                list.push({protocol: server.protocol, address: e.address, port: e.port, bound: e.bound, error: e.error});
            });
        });
        T.rows('dash-endpoints', list, [
            function (e) { return e.protocol; },
            function (e) { return e.address; },
            function (e) { return e.port; },
            function (e) { return e.bound ? 'listening' : 'not bound' + (e.error ? ': ' + e.error : ''); }
        ], 'No protocol server is running');
    }

    function refusals(status) {
        var counts = status.refusals || {};
        T.rows('dash-refusals', Object.keys(counts).map(function (code) { return {code: code, count: counts[code]}; }),
            [function (r) { return r.code; }, function (r) { return r.count; }], 'None');
        var errors = status.configErrors || [];
        T.fill('dash-errors', errors.length === 0 ? T.el('li', {}, 'None')
            : errors.map(function (e) { return T.el('li', {className: 'tributary-error'}, typeof e === 'string' ? e
                : (e.protocol ? e.protocol + ': ' : '') + (e.error || e.message || JSON.stringify(e))); }));
    }

    function clock(iso) {
        return new Date(iso).toLocaleTimeString();
    }

    var SVG = 'http://www.w3.org/2000/svg';
    function svg(tag, attrs, text) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    /** Draws bit rate out and in of the history samples as two lines, scaled to the highest value. */
    function graph(history) {
        var samples = history.samples || [];
        var box = document.getElementById('dash-graph');
        var width = 900, height = 180, left = 70, bottom = 20, top = 10;
        var max = 1;
        samples.forEach(function (s) { max = Math.max(max, s.bitRateOut || 0, s.bitRateIn || 0); });
        var x = function (i) { return left + (samples.length < 2 ? 0 : i * (width - left - 5) / (samples.length - 1)); };
        var y = function (v) { return top + (height - top - bottom) * (1 - (v || 0) / max); };
        var line = function (key) {
            return samples.map(function (s, i) { return x(i).toFixed(1) + ',' + y(s[key]).toFixed(1); }).join(' ');
        };
        T.fill(box,
            svg('rect', {x: left, y: top, width: width - left - 5, height: height - top - bottom, 'class': 'tributary-plot'}),
            svg('text', {x: left - 6, y: top + 10, 'text-anchor': 'end'}, T.bits(max)),
            svg('text', {x: left - 6, y: height - bottom, 'text-anchor': 'end'}, '0'),
            svg('text', {x: left, y: height - 4}, samples.length ? clock(samples[0].time) : 'no samples yet'),
            svg('text', {x: width - 5, y: height - 4, 'text-anchor': 'end'},
                samples.length ? clock(samples[samples.length - 1].time) : ''),
            svg('polyline', {points: line('bitRateOut'), 'class': 'tributary-out'}),
            svg('polyline', {points: line('bitRateIn'), 'class': 'tributary-in'}));
    }

    var poller = T.poll(function () {
        return Promise.all([T.get('status'), T.get('history')]).then(function (both) {
            state(both[0]);
            summary(both[0]);
            endpoints(both[0]);
            refusals(both[0]);
            graph(both[1]);
        });
    }, 3);

    document.getElementById('dash-toggle').addEventListener('click', function () {
        var start = serving === false;
        var question = start ? 'Start the service? The streaming ports open again.'
            : 'Stop the service? Every listening port closes and every session ends; Karaf keeps running.';
        if (window.confirm(question)) {
            T.act('POST', 'service/' + (start ? 'start' : 'stop')).then(poller.now, poller.now);
        }
    });
}(Tributary));
