/*
 * rtsp-load: N RTSP viewers of one URL from one thread. Sessions are set up in a paced ramp with a
 * bounded number of exchanges in flight, then all PLAY, and after a settling time a window of
 * W seconds is measured: packets, RFC 3550 loss and jitter, the tool's own CPU (getrusage) and,
 * with -S, the server's (/proc/PID/stat). Lines "# ..." on stdout mark the phases (a harness
 * samples the server at "# window-start" and "# window-end"); the last line is a JSON summary.
 */
#define _GNU_SOURCE
#include "load.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

struct options opt = { .sessions = 100, .ramp = 200, .inflight = 64, .settle = 2, .window = 20,
    .timeout = 10, .keepalive = 20, .pool = 4, .batch_ms = -1, .tagged = 0 };
struct counters count;
int epfd;

static struct session *sessions;
static volatile sig_atomic_t interrupted;

/* CPU of this process and of the server at one moment. */
struct sample { int64_t at_ns; double own_s; double server_s; uint64_t packets; };

int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int64_t realtime_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static double server_cpu_seconds(void) {
    if (opt.server_pid <= 0) {
        return 0;
    }
    char path[64], text[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", opt.server_pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return 0;
    }
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    char *close = strrchr(text, ')');
    unsigned long utime = 0, stime = 0;
    /* after the command name: state, then fields 4..13, then utime (14) and stime (15) */
    if (close == NULL || sscanf(close + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) {
        return 0;
    }
    return (double)(utime + stime) / sysconf(_SC_CLK_TCK);
}

static uint64_t packets_received(void) {
    uint64_t total = 0;
    for (int i = 0; i < opt.sessions; i++) {
        for (int j = 0; j < sessions[i].ntracks; j++) {
            total += sessions[i].tracks[j].received;
        }
    }
    return total;
}

static struct sample take_sample(void) {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return (struct sample){ now_ns(), r.ru_utime.tv_sec + r.ru_utime.tv_usec / 1e6 + r.ru_stime.tv_sec
            + r.ru_stime.tv_usec / 1e6, server_cpu_seconds(), packets_received() };
}

static void usage(void) {
    fprintf(stderr, "usage: rtsp-load -u rtsp://host:port/path [-n sessions] [-t udp|tcp] [-r setups/s]\n"
            "  [-i in-flight] [-s settle s] [-w window s] [-T answer timeout s] [-k keep-alive s]\n"
            "  [-p UDP socket pairs] [-g tagged session, -1 none] [-S server pid] [-b read batching ms]\n"
            "  [-L: time probe packets (send time in the payload) from send to receive]\n");
    exit(2);
}

static void parse_options(int argc, char **argv) {
    int c;
    while ((c = getopt(argc, argv, "u:n:t:r:i:s:w:T:k:p:g:S:b:Lh")) != -1) {
        switch (c) {
        case 'u': snprintf(opt.url, sizeof opt.url, "%s", optarg); break;
        case 'n': opt.sessions = atoi(optarg); break;
        case 't': opt.tcp = strcmp(optarg, "tcp") == 0; if (!opt.tcp && strcmp(optarg, "udp") != 0) usage(); break;
        case 'r': opt.ramp = atof(optarg); break;
        case 'i': opt.inflight = atoi(optarg); break;
        case 's': opt.settle = atof(optarg); break;
        case 'w': opt.window = atof(optarg); break;
        case 'T': opt.timeout = atof(optarg); break;
        case 'k': opt.keepalive = atof(optarg); break;
        case 'p': opt.pool = atoi(optarg); break;
        case 'g': opt.tagged = atoi(optarg); break;
        case 'S': opt.server_pid = atol(optarg); break;
        case 'b': opt.batch_ms = atoi(optarg); break;
        case 'L': opt.latency = 1; break;
        default: usage();
        }
    }
    if (opt.url[0] == 0 || opt.sessions < 1 || opt.sessions > 30000 || opt.ramp <= 0 || opt.inflight < 1
            || opt.window <= 0 || opt.timeout <= 0 || opt.pool < 1 || opt.pool > 512 || opt.batch_ms < -1 || opt.batch_ms > 50) {
        usage();
    }
}

static void check_file_limit(void) {
    struct rlimit r;
    getrlimit(RLIMIT_NOFILE, &r);
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
    getrlimit(RLIMIT_NOFILE, &r);
    rlim_t needed = (rlim_t)opt.sessions + 2 * opt.pool + 32;
    if (r.rlim_cur != RLIM_INFINITY && r.rlim_cur < needed) {
        fprintf(stderr, "rtsp-load: %d sessions need %lu open files but the limit is %lu: run under `ulimit -n %lu`\n",
                opt.sessions, (unsigned long)needed, (unsigned long)r.rlim_cur, (unsigned long)needed);
        exit(1);
    }
}

/* Waits for events up to `wait_ms` and dispatches them. */
static int batching;

static void poll_once(int wait_ms) {
    static struct epoll_event events[4096];
    int n = epoll_wait(epfd, events, 4096, wait_ms);
    if (n > 0 && batching && opt.batch_ms > 0) {
        /* let packets gather: one recvmmsg then reads many (kernel timestamps keep arrival times exact) */
        struct timespec pause = { 0, opt.batch_ms * 1000000L };
        nanosleep(&pause, NULL);
    }
    for (int i = 0; i < n; i++) {
        uint64_t tag = events[i].data.u64;
        int index = (int)(uint32_t)tag;
        if ((tag >> 32) == TAG_UDP) {
            media_udp_event(index);
        } else if (sessions[index].fd >= 0) {
            rtsp_event(&sessions[index], events[i].events);
        }
    }
}

/* Fails sessions whose answer is late; keeps playing sessions alive. */
static void check_timers(void) {
    int64_t now = now_ns();
    const char *names[] = { "", "connect", "OPTIONS", "DESCRIBE", "SETUP", "", "PLAY", "OPTIONS", "TEARDOWN" };
    for (int i = 0; i < opt.sessions; i++) {
        struct session *s = &sessions[i];
        if (s->deadline_ns != 0 && now > s->deadline_ns && s->state == S_TEARDOWN) {
            count.teardown_late++;
            rtsp_close(s);
            s->state = S_DONE;
        } else if (s->deadline_ns != 0 && now > s->deadline_ns) {
            rtsp_fail(s, "no answer to %s within %.0f s", s->state <= S_TEARDOWN ? names[s->state] : "?", opt.timeout);
        } else if ((s->state == S_PLAYING || s->state == S_READY) && s->deadline_ns == 0 && opt.keepalive > 0
                && now - s->last_request_ns > (int64_t)(opt.keepalive * 1e9)) {
            rtsp_send_keepalive(s);
        }
    }
}

/* Runs the loop until `done` says so, waking at least every `wait_ms`; checks timers every 100 ms. */
static void run_until(int (*done)(void *), void *arg, int wait_ms) {
    int64_t next_check = now_ns();
    while (!done(arg)) {
        poll_once(wait_ms);
        if (now_ns() >= next_check) {
            check_timers();
            next_check = now_ns() + 100000000LL;
        }
    }
}

static int started;
static int64_t ramp_start;
static const struct sockaddr_in *server;

static int setup_done(void *unused) {
    (void)unused;
    int in_progress = started - count.set_up - count.failed;
    double elapsed = (now_ns() - ramp_start) / 1e9;
    while (!interrupted && started < opt.sessions && started < (int)(opt.ramp * elapsed) + 1 && in_progress < opt.inflight) {
        rtsp_start(&sessions[started++], server);
        in_progress++;
    }
    return interrupted || (started == opt.sessions && in_progress == 0);
}

/* Sends `send` to sessions in state `from` while fewer than the in-flight bound wait in `waiting`. */
struct step { int from, waiting; int (*send)(struct session *); };

static int step_done(void *arg) {
    struct step *step = arg;
    int waiting = 0, pending = 0;
    for (int i = 0; i < opt.sessions; i++) {
        waiting += sessions[i].state == step->waiting;
    }
    for (int i = 0; i < opt.sessions; i++) {
        struct session *s = &sessions[i];
        if (s->state == step->from && !rtsp_waiting(s)) {
            if (waiting < opt.inflight) {
                step->send(s);
                waiting++;
            } else {
                pending++;
            }
        } else if (s->state == step->from) {
            pending++;
        }
    }
    return waiting == 0 && pending == 0;
}

static int64_t until_ns;

static int time_passed(void *unused) {
    (void)unused;
    return interrupted || now_ns() >= until_ns;
}

static void on_signal(int sig) {
    (void)sig;
    interrupted = 1;
}

static void marker(const char *what) {
    printf("# %s\n", what);
    fflush(stdout);
}

static void summary(struct sample a, struct sample b, int64_t setup_ns) {
    uint64_t received = 0, expected = 0;
    double jitter_sum[2] = { 0 }, jitter_max[2] = { 0 };
    int jitter_n[2] = { 0 }, stalled = 0;
    int64_t window_end = realtime_ns() - (now_ns() - b.at_ns);
    for (int i = 0; i < opt.sessions; i++) {
        struct session *s = &sessions[i];
        int quiet = 0;
        for (int j = 0; j < s->ntracks; j++) {
            struct track *t = &s->tracks[j];
            received += t->received;
            expected += media_expected(t);
            int k = strcmp(t->media, "video") == 0;
            if (t->received > 1) {
                jitter_sum[k] += media_jitter_ms(t);
                jitter_n[k]++;
                jitter_max[k] = media_jitter_ms(t) > jitter_max[k] ? media_jitter_ms(t) : jitter_max[k];
            }
            quiet |= t->last_arrival_ns < window_end - 1000000000LL;
        }
        stalled += s->ntracks > 0 && s->session_id[0] && quiet && (s->state == S_PLAYING || s->state == S_DONE);
    }
    struct pacing p;
    media_pacing(&p);
    double seconds = b.at_ns > a.at_ns ? (b.at_ns - a.at_ns) / 1e9 : 1e-3;
    double own = 100.0 * (b.own_s - a.own_s) / seconds;
    int playing = count.playing > 0 ? count.playing : 1;
    printf("{\"url\":\"%s\",\"transport\":\"%s\",\"sessions\":%d,\"connected\":%d,\"set_up\":%d,\"playing\":%d,"
           "\"failed\":%d,\"torn_down\":%d,\"teardown_late\":%d,\"first_error\":\"%s\",\"setup_s\":%.2f,\"packets\":%llu,\"expected\":%llu,"
           "\"lost\":%lld,\"loss_pct\":%.4f,\"udp_drops\":%llu,\"rtcp\":%llu,\"unknown_ssrc\":%llu,\"ssrc_clashes\":%d,"
           "\"malformed\":%llu,\"audio_jitter_ms\":%.3f,\"audio_jitter_max_ms\":%.3f,\"video_jitter_ms\":%.3f,"
           "\"video_jitter_max_ms\":%.3f,\"window_s\":%.2f,\"window_packets\":%llu,\"window_pps\":%.0f,\"stalled\":%d,"
           "\"tool_cpu_pct\":%.2f,\"tool_cpu_pct_per_session\":%.5f,\"server_cpu_pct\":%.2f,"
           "\"pacing_samples\":%llu,\"pacing_p50_ms\":%.3f,\"pacing_p99_ms\":%.3f,\"pacing_max_ms\":%.3f",
            opt.url, opt.tcp ? "tcp" : "udp", opt.sessions, count.connected, count.set_up, count.playing,
            count.failed, count.torn_down, count.teardown_late, count.first_error, setup_ns / 1e9, (unsigned long long)received,
            (unsigned long long)expected, (long long)expected - (long long)received,
            expected ? 100.0 * ((double)expected - received) / expected : 0.0, (unsigned long long)count.udp_drops,
            (unsigned long long)count.rtcp, (unsigned long long)count.unknown, count.ssrc_clashes,
            (unsigned long long)count.malformed, jitter_n[0] ? jitter_sum[0] / jitter_n[0] : 0, jitter_max[0],
            jitter_n[1] ? jitter_sum[1] / jitter_n[1] : 0, jitter_max[1], seconds,
            (unsigned long long)(b.packets - a.packets), (b.packets - a.packets) / seconds, stalled, own,
            own / playing, opt.server_pid > 0 ? 100.0 * (b.server_s - a.server_s) / seconds : -1.0,
            (unsigned long long)p.samples, p.p50_ms, p.p99_ms, p.max_ms);
    latency_summary();
    printf("}\n");
}

int main(int argc, char **argv) {
    parse_options(argc, argv);
    if (opt.latency) {
        latency_enable();
    }
    check_file_limit();
    static struct sockaddr_in address;
    if (rtsp_parse_url(opt.url, &address) < 0) {
        fprintf(stderr, "rtsp-load: cannot resolve %s (expected rtsp://host[:port]/path)\n", opt.url);
        return 1;
    }
    server = &address;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (!opt.tcp && media_open_pool(opt.pool) < 0) {
        return 1;
    }
    if (opt.batch_ms < 0) {
        /* UDP arrival times are the kernel's, whenever read; TCP's are the read's own, so a TCP
         * session's jitter and pacing include up to this pause (-b 0 for exact ones, at more CPU) */
        opt.batch_ms = opt.tcp ? 50 : 5;
    }
    if (opt.tagged >= opt.sessions) {
        opt.tagged = -1;
    }
    sessions = calloc(opt.sessions, sizeof *sessions);
    for (int i = 0; i < opt.sessions; i++) {
        sessions[i].index = i;
        sessions[i].fd = -1;
        snprintf(sessions[i].base, sizeof sessions[i].base, "%s", opt.url);
    }
    marker("setup");
    ramp_start = now_ns();
    run_until(setup_done, NULL, 5);
    int64_t setup_ns = now_ns() - ramp_start;
    fprintf(stderr, "rtsp-load: %d of %d sessions set up in %.1f s (%d failed%s%s)\n", count.set_up, opt.sessions,
            setup_ns / 1e9, count.failed, count.first_error[0] ? ", first: " : "", count.first_error);
    if (count.set_up == 0) {
        struct sample none = take_sample();
        summary(none, none, setup_ns);
        return 1;
    }
    struct step play = { S_READY, S_PLAY, rtsp_send_play };
    run_until(step_done, &play, 5);
    marker("playing");
    batching = 1;
    until_ns = now_ns() + (int64_t)(opt.settle * 1e9);
    run_until(time_passed, NULL, 50);
    struct sample start = take_sample();
    media_pacing_window(1);
    latency_window(1);
    marker("window-start");
    until_ns = start.at_ns + (int64_t)(opt.window * 1e9);
    run_until(time_passed, NULL, 50);
    struct sample end = take_sample();
    media_pacing_window(0);
    latency_window(0);
    marker("window-end");
    interrupted = 0;
    batching = 0;
    struct step teardown = { S_PLAYING, S_TEARDOWN, rtsp_send_teardown };
    run_until(step_done, &teardown, 5);
    for (char *c = count.first_error; *c; c++) {
        if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20) {
            *c = '\'';
        }
    }
    summary(start, end, setup_ns);
    return count.playing > 0 ? 0 : 1;
}
