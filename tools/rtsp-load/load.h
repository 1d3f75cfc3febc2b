/*
 * rtsp-load: N RTSP viewers of one URL in one thread (epoll, non-blocking sockets, recvmmsg).
 * Shared declarations of main.c (options, event loop, phases, summary), rtsp.c (the RTSP client of
 * one session) and media.c (RTP reception, statistics, pacing).
 */
#ifndef RTSP_LOAD_H
#define RTSP_LOAD_H

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#define MAX_TRACKS 4
#define URL_MAX 512

enum state {
    S_IDLE, S_CONNECTING, S_OPTIONS, S_DESCRIBE, S_SETUP, S_READY, S_PLAY, S_PLAYING,
    S_TEARDOWN, S_DONE, S_FAILED
};

/* What the tool was asked to do (command line). */
struct options {
    char url[URL_MAX];
    int sessions;
    int tcp;                 /* 1: RTP interleaved in the RTSP connection, 0: RTP over UDP */
    double ramp;             /* new sessions set up per second */
    int inflight;            /* RTSP exchanges outstanding at once, at most */
    double settle;           /* seconds between the last PLAY answer and the window */
    double window;           /* seconds measured */
    double timeout;          /* seconds an RTSP answer may take */
    double keepalive;        /* seconds between OPTIONS keep-alives while playing */
    int pool;                /* UDP receive socket pairs shared by all sessions */
    int tagged;              /* session whose pacing is measured, -1: none */
    long server_pid;         /* 0: do not sample the server */
    int batch_ms;            /* pause after each wake-up so that reads gather packets, 0: none, -1: 5 UDP, 2 TCP */
    int latency;             /* 1: time probe packets from their send time (latency.c) */
};

/* RFC 3550 reception statistics of one RTP stream. */
struct track {
    struct session *session;
    char control[URL_MAX];
    char media[8];           /* "audio", "video" or "other" */
    uint32_t clock;          /* RTP clock rate from a=rtpmap, 90000 if absent */
    uint32_t ssrc;
    int channel;             /* TCP: interleaved RTP channel; UDP: socket pair index */
    int started;
    uint16_t max_seq;
    uint32_t cycles, base_seq;
    uint64_t received;
    double transit, jitter;  /* in RTP timestamp units */
    int64_t last_arrival_ns;
    int tagged;
};

/* One viewer: its RTSP connection and its tracks. */
struct session {
    int index, fd, state, cseq, ntracks, setup_next;
    char session_id[128];
    char base[URL_MAX];      /* aggregate control URL (Content-Base or the URL) */
    char *rbuf;
    size_t rlen, rcap;
    char wbuf[1024];
    size_t wlen, woff;
    int64_t deadline_ns;     /* an answer is due by then, 0: nothing asked */
    int64_t last_request_ns;
    int keepalive_pending;
    struct track tracks[MAX_TRACKS];
};

/* Totals the summary prints. */
struct counters {
    uint64_t rtcp, unknown, malformed, udp_drops, interleaved_other;
    int connected, set_up, playing, failed, torn_down, teardown_late, ssrc_clashes;
    char first_error[256];
};

extern struct options opt;
extern struct counters count;
extern int epfd;

int64_t now_ns(void);
int64_t realtime_ns(void);

/* rtsp.c */
int rtsp_parse_url(const char *url, struct sockaddr_in *addr);
int rtsp_start(struct session *s, const struct sockaddr_in *server);
void rtsp_event(struct session *s, uint32_t events);
int rtsp_send_play(struct session *s);
int rtsp_send_teardown(struct session *s);
int rtsp_send_keepalive(struct session *s);
void rtsp_fail(struct session *s, const char *fmt, ...);
void rtsp_close(struct session *s);
int rtsp_waiting(const struct session *s);

/* media.c */
int media_open_pool(int pairs);
int media_pool_port(int pair);
int media_register(struct track *t, int pair);
void media_udp_event(int socket_index);
void media_rtp(struct track *t, const uint8_t *p, size_t len, int64_t arrival_ns);
void media_interleaved(struct session *s, int channel, const uint8_t *p, size_t len, int64_t arrival_ns);
int media_pool_fd_count(void);
struct pacing { uint64_t samples; double p50_ms, p99_ms, max_ms; };
void media_pacing(struct pacing *out);
void media_pacing_window(int on);
double media_jitter_ms(const struct track *t);
uint64_t media_expected(const struct track *t);

/* latency.c */
void latency_enable(void);
void latency_window(int on);
void latency_packet(const uint8_t *p, size_t len, int64_t arrival_realtime_ns);
void latency_summary(void);

/* epoll tags: the low 32 bits index, the high bits the kind */
#define TAG_SESSION 1ULL
#define TAG_UDP 2ULL
#define TAG(kind, index) (((uint64_t)(kind) << 32) | (uint32_t)(index))

#endif
