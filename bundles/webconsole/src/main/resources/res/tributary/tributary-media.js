(function (T) {
    'use strict';
    var checked = {};

    function copy(text, button) {
        var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(done, function () { select(button); });
        } else {
            select(button);
        }
    }

    /** Without the clipboard API (plain HTTP), selects the text beside the button for Ctrl+C. */
    function select(button) {
        var field = button.previousSibling;
        field.focus();
        field.select();
        var copied = false;
        try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
        button.textContent = copied ? 'Copied' : 'Press Ctrl+C';
    }

    function copyable(text, className) {
        var field = T.el('input', {type: 'text', readOnly: true, value: text, className: className});
        var button = T.el('button', {type: 'button', className: 'ui-state-default ui-corner-all'}, 'Copy');
        button.addEventListener('click', function () { copy(text, button); });
        return T.el('span', {className: 'tributary-copy'}, field, button);
    }

    function name(path) {
        return path.split('/').map(encodeURIComponent).join('/');
    }

    function show(json) {
        document.getElementById('media-limit').textContent = json.available === false
            ? 'The media folder is not available' : 'at most ' + T.bytes(json.maxUploadBytes);
        T.rows('media-rows', json.media || [], [
            function (m) {
                return T.el('input', {type: 'checkbox', checked: !!checked[m.path], title: 'in the playlist',
                    onchange: function (e) { checked[m.path] = e.target.checked; }});
            },
            function (m) {
                return [T.el('span', {className: 'tributary-path'}, m.path),
                    m.problem ? T.el('div', {className: 'tributary-error'}, m.problem) : null];
            },
            function (m) { return m.durationSeconds ? T.duration(m.durationSeconds) : '–'; },
            function (m) { return (m.codecs || []).join(', ') || '–'; },
            function (m) { return m.bitRate ? T.bits(m.bitRate) : '–'; },
            function (m) { return T.bytes(m.size); },
            function (m) { return m.url ? copyable(m.url, 'tributary-url') : '–'; },
            function (m) { return m.embed ? copyable(m.embed, 'tributary-embed') : '–'; },
            function (m) {
                return T.button('Delete', function () {
                    T.act('DELETE', 'media/' + name(m.path)).then(poller.now, poller.now);
                }, 'Delete ' + m.path + ' from the media folder?');
            }
        ], json.available === false ? 'Not available (the file source is not installed)' : 'The media folder is empty');
    }

    var poller = T.poll(function () { return T.get('media').then(show); }, 5);

    document.getElementById('media-upload').addEventListener('click', function () {
        var file = document.getElementById('media-file').files[0];
        if (!file) {
            T.status('Choose a file first', true);
            return;
        }
        T.status('Uploading ' + file.name + ' …', false);
        T.act('PUT', 'media/' + encodeURIComponent(file.name), file, 'application/octet-stream')
            .then(poller.now, poller.now);
    });

    document.getElementById('playlist-create').addEventListener('click', function () {
        var items = Object.keys(checked).filter(function (path) { return checked[path]; })
            .map(function (path) { return '/' + path.replace(/^\/+/, ''); });
        var body = JSON.stringify({path: document.getElementById('playlist-path').value.trim(), items: items,
            mode: document.getElementById('playlist-mode').value});
        T.act('POST', 'playlists', body, 'application/json');
    });
}(Tributary));
