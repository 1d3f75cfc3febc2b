/*
 * Shared code of the Streaming pages: JSON polling, actions with the CSRF header, and DOM building.
 * Every value from the server is put in the page as text (textContent, attribute values), never as
 * markup: user agents, paths, titles and file names come from clients.
 */
var Tributary = (function () {
    'use strict';
    var page = document.getElementById('tributary');
    var root = page.getAttribute('data-root');

    /** Makes an element: el('td', {className: 'x', title: 't'}, 'text', otherNode, ...). */
    function el(tag, props) {
        var node = document.createElement(tag);
        var name;
        for (name in props || {}) {
            if (Object.prototype.hasOwnProperty.call(props, name)) {
                if (name === 'data') {
                    Object.keys(props.data).forEach(function (key) { node.setAttribute('data-' + key, props.data[key]); });
                } else if (name.indexOf('on') === 0) {
                    node.addEventListener(name.substring(2), props[name]);
                } else {
                    node[name] = props[name];
                }
            }
        }
        for (var i = 2; i < arguments.length; i++) {
            append(node, arguments[i]);
        }
        return node;
    }

    function append(node, child) {
        if (child === null || child === undefined) {
            return;
        }
        if (Array.isArray(child)) {
            child.forEach(function (c) { append(node, c); });
        } else if (typeof child === 'object' && child.nodeType) {
            node.appendChild(child);
        } else {
            node.appendChild(document.createTextNode(String(child)));
        }
    }

    /** Replaces the children of node (an element or its id). */
    function fill(node) {
        var target = typeof node === 'string' ? document.getElementById(node) : node;
        while (target.firstChild) {
            target.removeChild(target.firstChild);
        }
        for (var i = 1; i < arguments.length; i++) {
            append(target, arguments[i]);
        }
        return target;
    }

    function request(method, path, body, type) {
        var headers = {'X-Tributary-Request': '1'};
        if (type) {
            headers['Content-Type'] = type;
        }
        return fetch(root + path, {method: method, headers: headers, body: body, credentials: 'same-origin'})
            .then(function (response) {
                return response.text().then(function (text) {
                    var json = {};
                    try { json = text ? JSON.parse(text) : {}; } catch (e) { json = {message: text}; }
                    if (!response.ok) {
                        var error = new Error(json.message || (response.status + ' ' + response.statusText));
                        error.json = json;
                        throw error;
                    }
                    return json;
                });
            });
    }

    /** GETs this page's NAME.json with the given query parameters. */
    function get(name, params) {
        var query = new URLSearchParams(params || {}).toString();
        return request('GET', '/' + name + '.json' + (query ? '?' + query : ''));
    }

    /** Sends an action to this page's api/PATH; shows its message or error in the status line. */
    function act(method, path, body, type) {
        return request(method, '/api/' + path, body, type).then(function (json) {
            status(json.message || 'Done', false);
            return json;
        }, function (error) {
            status(error.message, true);
            throw error;
        });
    }

    /** Shows a message in the page's status line. */
    function status(text, error) {
        var line = document.getElementById('tributary-status');
        line.className = 'statline' + (error ? ' tributary-error' : '');
        line.textContent = text;
    }

    /** Calls load() now and every `seconds`; load returns a promise; errors go to the status line. */
    function poll(load, seconds) {
        var timer = null;
        function tick() {
            load().then(function () { document.getElementById('tributary-updated').textContent =
                'Updated ' + new Date().toLocaleTimeString(); }, function (error) { status(error.message, true); })
                .then(function () { timer = setTimeout(tick, seconds * 1000); });
        }
        tick();
        return {now: function () { clearTimeout(timer); tick(); }};
    }

    /**
     * Fills a table body: one row per item, cells from columns (functions of the item returning text or
     * nodes); left as it is when the items are the same as last time.
     */
    function rows(tbody, items, columns, empty) {
        var body = typeof tbody === 'string' ? document.getElementById(tbody) : tbody;
        var key = JSON.stringify(items) + '|' + empty;
        if (body.tributaryKey === key) {
            return; // unchanged: keep the rows (and a selection or focus in them)
        }
        body.tributaryKey = key;
        fill(body, items.length === 0
            ? el('tr', {}, el('td', {colSpan: columns.length, className: 'tributary-empty'}, empty || 'None'))
            : items.map(function (item) {
                return el('tr', {}, columns.map(function (column) { return el('td', {}, column(item)); }));
            }));
    }

    /** A button that asks for confirmation (when question is given) before running action. */
    function button(text, action, question) {
        return el('button', {type: 'button', className: 'ui-state-default ui-corner-all', onclick: function () {
            if (!question || window.confirm(question)) {
                action();
            }
        }}, text);
    }

    function bits(value) {
        if (value === null || value === undefined) { return '–'; }
        var units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s'];
        var i = 0;
        while (value >= 1000 && i < units.length - 1) { value /= 1000; i++; }
        return (i === 0 ? value : value.toFixed(1)) + ' ' + units[i];
    }

    function bytes(value) {
        if (value === null || value === undefined) { return '–'; }
        var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        var i = 0;
        while (value >= 1024 && i < units.length - 1) { value /= 1024; i++; }
        return (i === 0 ? value : value.toFixed(1)) + ' ' + units[i];
    }

    function duration(seconds) {
        if (seconds === null || seconds === undefined) { return '–'; }
        seconds = Math.floor(seconds);
        var d = Math.floor(seconds / 86400), h = Math.floor(seconds / 3600) % 24;
        var m = Math.floor(seconds / 60) % 60, s = seconds % 60;
        return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + (d || h || m ? m + 'm ' : '') + s + 's';
    }

    function number(value, digits) {
        return value === null || value === undefined ? '–' : Number(value).toFixed(digits || 0);
    }

    function time(iso) {
        return iso ? new Date(iso).toLocaleString() : '–';
    }

    return {el: el, fill: fill, get: get, act: act, status: status, poll: poll, rows: rows, button: button,
        bits: bits, bytes: bytes, duration: duration, number: number, time: time};
}());
