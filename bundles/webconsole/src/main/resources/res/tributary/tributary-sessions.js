(function (T) {
    'use strict';
    var path = document.getElementById('sessions-path');
    var address = document.getElementById('sessions-address');

    function kick(session) {
        T.act('DELETE', 'sessions/' + encodeURIComponent(session.id)).then(poller.now, poller.now);
    }

    function show(json) {
        var sessions = json.sessions || [];
        document.getElementById('sessions-count').textContent = sessions.length + ' session' + (sessions.length === 1 ? '' : 's');
        T.rows('sessions-rows', sessions, [
            function (s) { return s.kind + ' (' + s.protocol + ')'; },
            function (s) { return T.el('span', {className: 'tributary-address'}, s.clientAddress); },
            function (s) { return s.user || '–'; },
            function (s) { return T.el('span', {className: 'tributary-agent', title: s.userAgent || ''}, s.userAgent || '–'); },
            function (s) { return T.el('span', {className: 'tributary-path'}, s.path); },
            function (s) { return s.state; },
            function (s) { return s.transport; },
            function (s) { return T.bits(s.bitRate); },
            function (s) { return s.lossPercent === null || s.lossPercent === undefined ? '–' : T.number(s.lossPercent, 1) + ' %'; },
            function (s) { return s.jitterMillis === null || s.jitterMillis === undefined ? '–' : T.number(s.jitterMillis, 1) + ' ms'; },
            function (s) { return s.rttMillis === null || s.rttMillis === undefined || s.rttMillis < 0 ? '–' : T.number(s.rttMillis, 1) + ' ms'; },
            function (s) { return T.bytes(s.kind === 'publisher' ? s.bytesReceived : s.bytesSent); },
            function (s) { return T.time(s.since); },
            function (s) { return T.button('Kick', function () { kick(s); },
                'Kick ' + s.clientAddress + ' from ' + s.path + '?'); }
        ], path.value || address.value ? 'No session matches' : 'No sessions');
    }

    var poller = T.poll(function () {
        return T.get('sessions', {path: path.value, address: address.value}).then(show);
    }, 2);
    [path, address].forEach(function (box) { box.addEventListener('input', function () { poller.now(); }); });
}(Tributary));
