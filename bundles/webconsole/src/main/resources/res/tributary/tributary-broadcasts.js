(function (T) {
    'use strict';

    function missing(json) {
        return json.available === false ? 'Not available (the capability is not installed)' : 'None';
    }

    function live(json) {
        var all = json.broadcasts || [];
        var columns = [
            function (b) { return T.el('span', {className: 'tributary-path'}, b.path); },
            function (b) { return b.publisher; },
            function (b) { return (b.encodings || []).join(', '); },
            function (b) { return b.viewers; },
            function (b) { return T.bytes(b.bytesIn) + ' (' + b.packetsIn + ' packets)'; },
            function (b) { return b.dropped; },
            function (b) { return T.time(b.started); }
        ];
        T.rows('live-rows', all.filter(function (b) { return b.feed !== 'sdp'; }), columns, missing(json));
        T.rows('sdp-rows', all.filter(function (b) { return b.feed === 'sdp'; }), columns, missing(json));
    }

    function relays(json) {
        T.rows('relay-rows', json.relays || [], [
            function (r) { return T.el('span', {className: 'tributary-path'}, r.path); },
            function (r) { return r.origin; },
            function (r) { return r.mode; },
            function (r) { return r.state; },
            function (r) { return r.failures; },
            function (r) { return r.lastError || '–'; }
        ], missing(json));
    }

    function control(playlist, verb) {
        T.act('POST', 'playlists/' + playlist.path.split('/').map(encodeURIComponent).join('/') + '/' + verb)
            .then(poller.now, poller.now);
    }

    function playlists(json) {
        T.rows('playlist-rows', json.playlists || [], [
            function (p) { return T.el('span', {className: 'tributary-path'}, p.path); },
            function (p) { return p.running ? 'playing' : 'stopped'; },
            function (p) { return p.current || '–'; },
            function (p) { return p.next || '–'; },
            function (p) { return T.duration(p.position); },
            function (p) {
                return [p.running ? T.button('Stop', function () { control(p, 'stop'); }, 'Stop ' + p.path + '? Its viewers get an end of stream.')
                    : T.button('Start', function () { control(p, 'start'); }),
                    ' ', T.button('Skip', function () { control(p, 'skip'); })];
            }
        ], missing(json));
    }

    function stations(json) {
        T.rows('station-rows', json.stations || [], [
            function (s) { return T.el('span', {className: 'tributary-path'}, s.mount); },
            function (s) { return T.el('span', {className: 'tributary-title'}, s.title || '–'); },
            function (s) { return s.source; },
            function (s) { return s.format; },
            function (s) { return s.bitRate ? T.bits(s.bitRate) : '–'; },
            function (s) { return s.listeners; },
            function (s) { return T.time(s.started); }
        ], missing(json));
    }

    var poller = T.poll(function () {
        return Promise.all([T.get('broadcasts'), T.get('relays'), T.get('playlists'), T.get('stations')])
            .then(function (all) {
                live(all[0]);
                relays(all[1]);
                playlists(all[2]);
                stations(all[3]);
            });
    }, 3);
}(Tributary));
