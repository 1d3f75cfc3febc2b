/*
 * The RTSP client of one session, non-blocking: connect, OPTIONS, DESCRIBE, SETUP per track,
 * then PLAY, keep-alive OPTIONS and TEARDOWN when main.c asks. One request outstanding at a time;
 * with TCP transport the same connection carries $-framed RTP and RTCP, split here.
 */
#define _GNU_SOURCE
#include "load.h"

#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define RBUF_START 4096
#define RBUF_MAX (1 << 20)

void rtsp_fail(struct session *s, const char *fmt, ...) {
    char why[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(why, sizeof why, fmt, args);
    va_end(args);
    if (count.first_error[0] == 0) {
        snprintf(count.first_error, sizeof count.first_error, "session %d: %s", s->index, why);
    }
    if (s->state != S_FAILED) {
        count.failed++;
    }
    rtsp_close(s);
    s->state = S_FAILED;
}

void rtsp_close(struct session *s) {
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
    s->deadline_ns = 0;
}

int rtsp_waiting(const struct session *s) {
    return s->deadline_ns != 0;
}

int rtsp_parse_url(const char *url, struct sockaddr_in *addr) {
    char host[256];
    int port = 554;
    if (strncmp(url, "rtsp://", 7) != 0) {
        return -1;
    }
    const char *h = url + 7;
    size_t n = strcspn(h, ":/");
    if (n == 0 || n >= sizeof host) {
        return -1;
    }
    memcpy(host, h, n);
    host[n] = 0;
    if (h[n] == ':') {
        port = atoi(h + n + 1);
    }
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *found;
    if (getaddrinfo(host, NULL, &hints, &found) != 0) {
        return -1;
    }
    *addr = *(struct sockaddr_in *)found->ai_addr;
    addr->sin_port = htons(port);
    freeaddrinfo(found);
    return 0;
}

static void watch(struct session *s, int out) {
    struct epoll_event ev = { .events = EPOLLIN | (out ? EPOLLOUT : 0), .data.u64 = TAG(TAG_SESSION, s->index) };
    epoll_ctl(epfd, EPOLL_CTL_MOD, s->fd, &ev);
}

static int flush(struct session *s) {
    while (s->woff < s->wlen) {
        ssize_t n = write(s->fd, s->wbuf + s->woff, s->wlen - s->woff);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                watch(s, 1);
                return 0;
            }
            rtsp_fail(s, "write: %s", strerror(errno));
            return -1;
        }
        s->woff += n;
    }
    s->wlen = s->woff = 0;
    watch(s, 0);
    return 0;
}

/* Sends one request; `extra` holds more header lines, each ending in CRLF. */
static int request(struct session *s, const char *method, const char *url, const char *extra) {
    int n = snprintf(s->wbuf, sizeof s->wbuf, "%s %s RTSP/1.0\r\nCSeq: %d\r\nUser-Agent: rtsp-load\r\n%s%s%s%s\r\n",
            method, url, ++s->cseq, s->session_id[0] ? "Session: " : "", s->session_id,
            s->session_id[0] ? "\r\n" : "", extra);
    if (n >= (int)sizeof s->wbuf) {
        rtsp_fail(s, "%s request too long", method);
        return -1;
    }
    s->wlen = n;
    s->woff = 0;
    s->last_request_ns = now_ns();
    s->deadline_ns = s->last_request_ns + (int64_t)(opt.timeout * 1e9);
    return flush(s);
}

int rtsp_start(struct session *s, const struct sockaddr_in *server) {
    s->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (s->fd < 0) {
        rtsp_fail(s, "socket: %s", strerror(errno));
        return -1;
    }
    struct epoll_event ev = { .events = EPOLLOUT, .data.u64 = TAG(TAG_SESSION, s->index) };
    epoll_ctl(epfd, EPOLL_CTL_ADD, s->fd, &ev);
    s->state = S_CONNECTING;
    s->deadline_ns = now_ns() + (int64_t)(opt.timeout * 1e9);
    if (connect(s->fd, (const struct sockaddr *)server, sizeof *server) < 0 && errno != EINPROGRESS) {
        rtsp_fail(s, "connect: %s", strerror(errno));
        return -1;
    }
    return 0;
}

static int setup_next(struct session *s) {
    struct track *t = &s->tracks[s->setup_next];
    char transport[128];
    if (opt.tcp) {
        snprintf(transport, sizeof transport, "Transport: RTP/AVP/TCP;unicast;interleaved=%d-%d\r\n",
                2 * s->setup_next, 2 * s->setup_next + 1);
    } else {
        int pair = (s->index * MAX_TRACKS + s->setup_next) % opt.pool;
        t->channel = pair;
        int port = media_pool_port(pair);
        snprintf(transport, sizeof transport, "Transport: RTP/AVP;unicast;client_port=%d-%d\r\n", port, port + 1);
    }
    s->state = S_SETUP;
    return request(s, "SETUP", t->control, transport);
}

int rtsp_send_play(struct session *s) {
    s->state = S_PLAY;
    return request(s, "PLAY", s->base, "Range: npt=0.000-\r\n");
}

int rtsp_send_teardown(struct session *s) {
    s->state = S_TEARDOWN;
    return request(s, "TEARDOWN", s->base, "");
}

int rtsp_send_keepalive(struct session *s) {
    s->keepalive_pending = 1;
    return request(s, "OPTIONS", s->base, "");
}

/* Finds header `name` in the head (CRLF lines); copies its value. */
static int header(const char *head, const char *name, char *value, size_t size) {
    size_t n = strlen(name);
    for (const char *line = strstr(head, "\r\n"); line != NULL; line = strstr(line, "\r\n")) {
        line += 2;
        if (strncasecmp(line, name, n) == 0 && line[n] == ':') {
            const char *v = line + n + 1;
            v += strspn(v, " \t");
            size_t len = strcspn(v, "\r\n");
            if (len >= size) {
                len = size - 1;
            }
            memcpy(value, v, len);
            value[len] = 0;
            return 1;
        }
    }
    return 0;
}

static void resolve(const struct session *s, const char *control, char *out) {
    if (strncmp(control, "rtsp://", 7) == 0) {
        snprintf(out, URL_MAX, "%s", control);
    } else {
        size_t n = strlen(s->base);
        snprintf(out, URL_MAX, "%s%s%s", s->base, n > 0 && s->base[n - 1] == '/' ? "" : "/", control);
    }
}

static int describe(struct session *s, const char *head, const char *body) {
    char value[URL_MAX];
    if (header(head, "Content-Base", value, sizeof value)) {
        snprintf(s->base, sizeof s->base, "%s", value);
    }
    size_t n = strlen(s->base);
    if (n > 1 && s->base[n - 1] == '/') {
        s->base[n - 1] = 0;
    }
    struct track *t = NULL;
    for (const char *line = body; line != NULL && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        char text[URL_MAX];
        size_t len = strcspn(line, "\r\n");
        snprintf(text, sizeof text, "%.*s", (int)(len < sizeof text ? len : sizeof text - 1), line);
        if (strncmp(text, "m=", 2) == 0) {
            if (s->ntracks == MAX_TRACKS) {
                break;
            }
            t = &s->tracks[s->ntracks++];
            t->session = s;
            t->clock = 90000;
            snprintf(t->media, sizeof t->media, "%s", strncmp(text + 2, "audio", 5) == 0 ? "audio"
                    : strncmp(text + 2, "video", 5) == 0 ? "video" : "other");
            snprintf(t->control, sizeof t->control, "%s", s->base);
        } else if (t != NULL && strncmp(text, "a=control:", 10) == 0) {
            resolve(s, text + 10, t->control);
        } else if (t != NULL && strncmp(text, "a=rtpmap:", 9) == 0) {
            const char *slash = strchr(text, '/');
            if (slash != NULL && atoi(slash + 1) > 0) {
                t->clock = atoi(slash + 1);
            }
        }
    }
    if (s->ntracks == 0) {
        rtsp_fail(s, "DESCRIBE answer has no m= line");
        return -1;
    }
    if (s->index == opt.tagged) {
        int pick = 0;
        for (int i = 0; i < s->ntracks; i++) {
            if (strcmp(s->tracks[i].media, "audio") == 0) {
                pick = i;
                break;
            }
        }
        s->tracks[pick].tagged = 1;
    }
    s->setup_next = 0;
    return setup_next(s);
}

static int setup_answer(struct session *s, const char *head) {
    char value[256];
    struct track *t = &s->tracks[s->setup_next];
    if (!header(head, "Session", value, sizeof value)) {
        rtsp_fail(s, "SETUP answer has no Session header");
        return -1;
    }
    value[strcspn(value, ";")] = 0;
    snprintf(s->session_id, sizeof s->session_id, "%s", value);
    if (!header(head, "Transport", value, sizeof value)) {
        rtsp_fail(s, "SETUP answer has no Transport header");
        return -1;
    }
    if (opt.tcp) {
        const char *i = strstr(value, "interleaved=");
        t->channel = i != NULL ? atoi(i + 12) : 2 * s->setup_next;
    } else {
        const char *ssrc = strstr(value, "ssrc=");
        if (ssrc == NULL) {
            rtsp_fail(s, "SETUP answer's Transport names no ssrc (shared UDP sockets need it; try -t tcp): %s", value);
            return -1;
        }
        t->ssrc = (uint32_t)strtoul(ssrc + 5, NULL, 16);
        if (media_register(t, t->channel) < 0) {
            count.ssrc_clashes++;
            t->ssrc = 0;
        }
    }
    if (++s->setup_next < s->ntracks) {
        return setup_next(s);
    }
    s->state = S_READY;
    s->deadline_ns = 0;
    count.set_up++;
    return 0;
}

/* Handles one complete answer; returns -1 when the session failed. */
static int answer(struct session *s, char *head, char *body) {
    int status = 0;
    if (sscanf(head, "RTSP/1.0 %d", &status) != 1) {
        rtsp_fail(s, "not an RTSP answer: %.*s", (int)strcspn(head, "\r\n"), head);
        return -1;
    }
    s->deadline_ns = 0;
    if (s->keepalive_pending) {
        s->keepalive_pending = 0;
        return 0;
    }
    if (status != 200) {
        const char *names[] = { "", "", "", "OPTIONS", "DESCRIBE", "SETUP", "", "PLAY", "", "TEARDOWN" };
        rtsp_fail(s, "%s answered %.*s", names[s->state], (int)strcspn(head, "\r\n"), head);
        return -1;
    }
    switch (s->state) {
    case S_OPTIONS:
        s->state = S_DESCRIBE;
        return request(s, "DESCRIBE", opt.url, "Accept: application/sdp\r\n");
    case S_DESCRIBE:
        return describe(s, head, body);
    case S_SETUP:
        return setup_answer(s, head);
    case S_PLAY:
        s->state = S_PLAYING;
        count.playing++;
        return 0;
    case S_TEARDOWN:
        s->state = S_DONE;
        count.torn_down++;
        rtsp_close(s);
        return -1;
    default:
        return 0;
    }
}

/* Consumes complete answers and interleaved frames from the read buffer. */
static void parse(struct session *s, int64_t arrival_ns) {
    size_t off = 0;
    while (s->fd >= 0 && off < s->rlen) {
        char *p = s->rbuf + off;
        size_t avail = s->rlen - off;
        if (p[0] == '$') {
            if (avail < 4) {
                break;
            }
            size_t len = (uint8_t)p[2] << 8 | (uint8_t)p[3];
            if (avail < 4 + len) {
                break;
            }
            media_interleaved(s, (uint8_t)p[1], (uint8_t *)p + 4, len, arrival_ns);
            off += 4 + len;
            continue;
        }
        char *end = memmem(p, avail, "\r\n\r\n", 4);
        if (end == NULL) {
            break;
        }
        *end = 0;
        char value[32];
        size_t body = header(p, "Content-Length", value, sizeof value) ? strtoul(value, NULL, 10) : 0;
        size_t total = (end - p) + 4 + body;
        if (avail < total) {
            *end = '\r';
            break;
        }
        char *content = end + 4;
        char last = content[body];
        content[body] = 0;
        int gone = answer(s, p, content) < 0;
        if (gone) {
            return;
        }
        content[body] = last;
        off += total;
    }
    memmove(s->rbuf, s->rbuf + off, s->rlen - off);
    s->rlen -= off;
}

static void readable(struct session *s) {
    int64_t arrival = realtime_ns();
    for (int rounds = 0; rounds < 8 && s->fd >= 0; rounds++) {
        if (s->rlen + 1 >= s->rcap) {
            size_t cap = s->rcap == 0 ? RBUF_START : s->rcap * 2;
            if (cap > RBUF_MAX) {
                rtsp_fail(s, "answer larger than %d bytes", RBUF_MAX);
                return;
            }
            s->rbuf = realloc(s->rbuf, cap);
            s->rcap = cap;
        }
        ssize_t n = read(s->fd, s->rbuf + s->rlen, s->rcap - s->rlen - 1);
        if (n == 0) {
            if (s->state == S_TEARDOWN) {
                s->state = S_DONE;
                count.torn_down++;
                rtsp_close(s);
            } else {
                rtsp_fail(s, "server closed the connection in state %d", s->state);
            }
            return;
        }
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                rtsp_fail(s, "read: %s", strerror(errno));
            }
            return;
        }
        s->rlen += n;
        parse(s, arrival);
    }
}

void rtsp_event(struct session *s, uint32_t events) {
    if (s->state == S_CONNECTING) {
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error != 0 || (events & (EPOLLERR | EPOLLHUP))) {
            rtsp_fail(s, "connect: %s", strerror(error ? error : ECONNREFUSED));
            return;
        }
        count.connected++;
        s->state = S_OPTIONS;
        request(s, "OPTIONS", opt.url, "");
        return;
    }
    if ((events & EPOLLOUT) && s->wlen > 0 && flush(s) < 0) {
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
        readable(s);
    }
}
