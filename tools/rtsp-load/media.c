/*
 * RTP reception: a small pool of UDP socket pairs that every session names as its client_port
 * (demultiplexed by socket pair and SSRC from the SETUP answer), read with recvmmsg and kernel
 * receive timestamps; RFC 3550 sequence and jitter statistics; the pacing of one tagged track.
 */
#define _GNU_SOURCE
#include "load.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64
#define DATAGRAM 2048
#define MAP_BITS 17
#define MAP_SIZE (1u << MAP_BITS)
#define PACING_MAX (1u << 20)

struct udp_socket { int fd, pair, rtcp; uint32_t drops; };

static struct udp_socket *sockets;
static int socket_count;
static int *pair_ports;

/* (pair, ssrc) -> track, open addressing */
static struct { uint32_t ssrc; int pair; struct track *track; } map[MAP_SIZE];

static uint8_t buffers[BATCH][DATAGRAM];
static char controls[BATCH][CMSG_SPACE(sizeof(struct timespec)) + CMSG_SPACE(sizeof(uint32_t))];
static struct mmsghdr messages[BATCH];
static struct iovec vectors[BATCH];

static struct { int64_t arrival_ns; int64_t ts; } *pacing;
static uint64_t pacing_count;
static uint32_t pacing_clock;
static int pacing_on;

static int open_socket(int port) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_ANY) };
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        close(fd);
        return -1;
    }
    int size = 8 << 20, one = 1;
    /* as root the larger buffer is granted beyond rmem_max; otherwise the kernel caps it */
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof one);
    return fd;
}

int media_open_pool(int pairs) {
    sockets = calloc(2 * pairs, sizeof *sockets);
    pair_ports = calloc(pairs, sizeof *pair_ports);
    int port = 20000 + (getpid() % 2000) * 10;
    for (int p = 0; p < pairs; p++) {
        for (int tries = 0;; tries++, port += 2) {
            if (tries > 5000 || port > 65000) {
                fprintf(stderr, "rtsp-load: no free UDP port pair for the receive pool\n");
                return -1;
            }
            int rtp = open_socket(port);
            int rtcp = rtp < 0 ? -1 : open_socket(port + 1);
            if (rtp >= 0 && rtcp >= 0) {
                sockets[socket_count++] = (struct udp_socket){ .fd = rtp, .pair = p };
                sockets[socket_count++] = (struct udp_socket){ .fd = rtcp, .pair = p, .rtcp = 1 };
                pair_ports[p] = port;
                port += 2;
                break;
            }
            if (rtp >= 0) {
                close(rtp);
            }
        }
    }
    for (int i = 0; i < socket_count; i++) {
        struct epoll_event ev = { .events = EPOLLIN, .data.u64 = TAG(TAG_UDP, i) };
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, sockets[i].fd, &ev) < 0) {
            perror("rtsp-load: epoll_ctl");
            return -1;
        }
    }
    for (int i = 0; i < BATCH; i++) {
        vectors[i] = (struct iovec){ buffers[i], DATAGRAM };
    }
    return 0;
}

int media_pool_port(int pair) {
    return pair_ports[pair];
}

int media_pool_fd_count(void) {
    return socket_count;
}

static uint32_t slot_of(uint32_t ssrc, int pair) {
    uint32_t h = (ssrc ^ (uint32_t)pair * 0x9E3779B1u) * 0x85EBCA6Bu;
    return h >> (32 - MAP_BITS);
}

int media_register(struct track *t, int pair) {
    t->channel = pair;
    uint32_t i = slot_of(t->ssrc, pair);
    for (uint32_t n = 0; n < MAP_SIZE; n++, i = (i + 1) & (MAP_SIZE - 1)) {
        if (map[i].track == NULL) {
            map[i].ssrc = t->ssrc;
            map[i].pair = pair;
            map[i].track = t;
            return 0;
        }
        if (map[i].ssrc == t->ssrc && map[i].pair == pair) {
            return -1;
        }
    }
    return -1;
}

static struct track *lookup(uint32_t ssrc, int pair) {
    uint32_t i = slot_of(ssrc, pair);
    for (uint32_t n = 0; n < MAP_SIZE && map[i].track != NULL; n++, i = (i + 1) & (MAP_SIZE - 1)) {
        if (map[i].ssrc == ssrc && map[i].pair == pair) {
            return map[i].track;
        }
    }
    return NULL;
}

static int64_t stamp_of(struct msghdr *m, struct udp_socket *u, int64_t fallback) {
    int64_t stamp = fallback;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c != NULL; c = CMSG_NXTHDR(m, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMPNS) {
            struct timespec ts;
            memcpy(&ts, CMSG_DATA(c), sizeof ts);
            stamp = ts.tv_sec * 1000000000LL + ts.tv_nsec;
        } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL) {
            uint32_t dropped;
            memcpy(&dropped, CMSG_DATA(c), sizeof dropped);
            if (dropped > u->drops) {
                count.udp_drops += dropped - u->drops;
                u->drops = dropped;
            }
        }
    }
    return stamp;
}

void media_udp_event(int index) {
    struct udp_socket *u = &sockets[index];
    for (int rounds = 0; rounds < 16; rounds++) {
        for (int i = 0; i < BATCH; i++) {
            messages[i].msg_hdr = (struct msghdr){ .msg_iov = &vectors[i], .msg_iovlen = 1,
                .msg_control = controls[i], .msg_controllen = sizeof controls[i] };
        }
        int n = recvmmsg(u->fd, messages, BATCH, MSG_DONTWAIT, NULL);
        if (n <= 0) {
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != ECONNREFUSED) {
                perror("rtsp-load: recvmmsg");
            }
            return;
        }
        int64_t fallback = realtime_ns();
        for (int i = 0; i < n; i++) {
            int64_t arrival = stamp_of(&messages[i].msg_hdr, u, fallback);
            size_t len = messages[i].msg_len;
            if (u->rtcp) {
                count.rtcp++;
                continue;
            }
            if (len < 12 || (buffers[i][0] >> 6) != 2) {
                count.malformed++;
                continue;
            }
            uint32_t ssrc = (uint32_t)buffers[i][8] << 24 | buffers[i][9] << 16 | buffers[i][10] << 8 | buffers[i][11];
            struct track *t = lookup(ssrc, u->pair);
            if (t == NULL) {
                count.unknown++;
            } else {
                media_rtp(t, buffers[i], len, arrival);
            }
        }
        if (n < BATCH) {
            return;
        }
    }
}

void media_rtp(struct track *t, const uint8_t *p, size_t len, int64_t arrival_ns) {
    latency_packet(p, len, arrival_ns);
    uint16_t seq = (uint16_t)(p[2] << 8 | p[3]);
    uint32_t ts = (uint32_t)p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7];
    if (!t->started) {
        t->started = 1;
        t->base_seq = seq;
        t->max_seq = seq;
    } else {
        uint16_t delta = (uint16_t)(seq - t->max_seq);
        if (delta != 0 && delta < 0x8000) {
            if (seq < t->max_seq) {
                t->cycles += 1u << 16;
            }
            t->max_seq = seq;
        }
    }
    t->received++;
    /* RFC 3550 A.8, in RTP timestamp units */
    double arrival = (double)arrival_ns * t->clock / 1e9;
    double transit = arrival - ts;
    if (t->received > 1) {
        double d = fabs(transit - t->transit);
        t->jitter += (d - t->jitter) / 16.0;
    }
    t->transit = transit;
    t->last_arrival_ns = arrival_ns;
    if (t->tagged && pacing_on && pacing_count < PACING_MAX) {
        if (pacing == NULL) {
            pacing = malloc(PACING_MAX * sizeof *pacing);
            pacing_clock = t->clock;
        }
        int64_t ext = pacing_count == 0 ? ts : pacing[pacing_count - 1].ts + (int32_t)(ts - (uint32_t)pacing[pacing_count - 1].ts);
        pacing[pacing_count].arrival_ns = arrival_ns;
        pacing[pacing_count].ts = ext;
        pacing_count++;
    }
}

void media_interleaved(struct session *s, int channel, const uint8_t *p, size_t len, int64_t arrival_ns) {
    for (int i = 0; i < s->ntracks; i++) {
        if (s->tracks[i].channel == channel) {
            if (len < 12 || (p[0] >> 6) != 2) {
                count.malformed++;
            } else {
                media_rtp(&s->tracks[i], p, len, arrival_ns);
            }
            return;
        }
        if (s->tracks[i].channel + 1 == channel) {
            count.rtcp++;
            return;
        }
    }
    count.interleaved_other++;
}

void media_pacing_window(int on) {
    pacing_on = on;
}

uint64_t media_expected(const struct track *t) {
    return t->started ? t->cycles + t->max_seq - t->base_seq + 1 : 0;
}

double media_jitter_ms(const struct track *t) {
    return t->clock == 0 ? 0 : t->jitter * 1000.0 / t->clock;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Deviation of each arrival from the media timeline, anchored at the median offset. */
void media_pacing(struct pacing *out) {
    memset(out, 0, sizeof *out);
    if (pacing_count < 2) {
        return;
    }
    double *offsets = malloc(pacing_count * sizeof *offsets);
    for (uint64_t i = 0; i < pacing_count; i++) {
        double media_ms = (double)(pacing[i].ts - pacing[0].ts) * 1000.0 / pacing_clock;
        offsets[i] = (pacing[i].arrival_ns - pacing[0].arrival_ns) / 1e6 - media_ms;
    }
    qsort(offsets, pacing_count, sizeof *offsets, by_value);
    double median = offsets[pacing_count / 2];
    for (uint64_t i = 0; i < pacing_count; i++) {
        offsets[i] = fabs(offsets[i] - median);
    }
    qsort(offsets, pacing_count, sizeof *offsets, by_value);
    out->samples = pacing_count;
    out->p50_ms = offsets[pacing_count / 2];
    out->p99_ms = offsets[(uint64_t)((pacing_count - 1) * 0.99)];
    out->max_ms = offsets[pacing_count - 1];
    free(offsets);
}
