/*
 * Probe latency (-L): the packets of a live publisher that carries its send time in each payload
 * (8 bytes big-endian, CLOCK_MONOTONIC nanoseconds, then an 8-byte packet counter; the benchmark's
 * ProbePacket) are timed from that send time to their kernel receive timestamp here. The receive
 * stamp is CLOCK_REALTIME: it is moved to the monotonic clock by the offset between the two clocks
 * taken at start. Three distributions over the measured window: every copy, and per packet the
 * first and the last copy to arrive (the last one is the delay the fan-out adds for its slowest viewer).
 */
#define _GNU_SOURCE
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKET_NS 10000LL            /* 10 us */
#define BUCKETS 1000000              /* up to 10 s, then one overflow bucket */
#define MAX_COUNTER (1 << 22)        /* packets per run that get a first/last copy time */

struct distribution { uint32_t *buckets; uint64_t count; int64_t max_ns; };

static int enabled, window_on;
static int64_t realtime_minus_monotonic;
static struct distribution all, first, last;
static int64_t *first_ns, *last_ns;  /* per packet counter; 0: no copy yet */
static uint64_t highest_counter, unreadable;

static void add(struct distribution *d, int64_t ns) {
    int64_t b = ns < 0 ? 0 : ns / BUCKET_NS;
    d->buckets[b > BUCKETS ? BUCKETS : b]++;
    d->count++;
    if (ns > d->max_ns) {
        d->max_ns = ns;
    }
}

void latency_enable(void) {
    enabled = 1;
    realtime_minus_monotonic = realtime_ns() - now_ns();
    struct distribution *ds[] = { &all, &first, &last };
    for (int i = 0; i < 3; i++) {
        ds[i]->buckets = calloc(BUCKETS + 1, sizeof *ds[i]->buckets);
    }
    first_ns = calloc(MAX_COUNTER, sizeof *first_ns);
    last_ns = calloc(MAX_COUNTER, sizeof *last_ns);
    if (all.buckets == NULL || first.buckets == NULL || last.buckets == NULL || first_ns == NULL || last_ns == NULL) {
        fprintf(stderr, "rtsp-load: no memory for the latency tables\n");
        exit(1);
    }
}

void latency_window(int on) {
    window_on = on;
}

static uint64_t be64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

void latency_packet(const uint8_t *p, size_t len, int64_t arrival_realtime_ns) {
    if (!enabled || !window_on) {
        return;
    }
    size_t header = 12 + 4 * (size_t)(p[0] & 0x0F);
    if ((p[0] & 0x10) && len >= header + 4) {
        header += 4 + 4 * (size_t)(p[header + 2] << 8 | p[header + 3]);
    }
    if (len < header + 16) {
        unreadable++;
        return;
    }
    int64_t sent = (int64_t)be64(p + header);
    uint64_t counter = be64(p + header + 8);
    int64_t ns = arrival_realtime_ns - realtime_minus_monotonic - sent;
    add(&all, ns);
    if (counter < MAX_COUNTER) {
        int64_t stamp = ns <= 0 ? 1 : ns;
        if (first_ns[counter] == 0 || stamp < first_ns[counter]) {
            first_ns[counter] = stamp;
        }
        if (stamp > last_ns[counter]) {
            last_ns[counter] = stamp;
        }
        if (counter + 1 > highest_counter) {
            highest_counter = counter + 1;
        }
    }
}

static double percentile_ms(const struct distribution *d, double q) {
    if (d->count == 0) {
        return 0;
    }
    uint64_t rank = (uint64_t)(q * (double)(d->count - 1)) + 1, seen = 0;
    for (int b = 0; b <= BUCKETS; b++) {
        seen += d->buckets[b];
        if (seen >= rank) {
            /* the bucket's upper edge, never above the largest value seen */
            double edge = (double)(b + 1) * BUCKET_NS;
            return (edge < (double)d->max_ns ? edge : (double)d->max_ns) / 1e6;
        }
    }
    return (double)d->max_ns / 1e6;
}

static void print(const char *name, const struct distribution *d) {
    printf(",\"latency_%s_copies\":%llu,\"latency_%s_p50_ms\":%.3f,\"latency_%s_p99_ms\":%.3f,"
           "\"latency_%s_max_ms\":%.3f", name, (unsigned long long)d->count, name, percentile_ms(d, 0.50),
           name, percentile_ms(d, 0.99), name, (double)d->max_ns / 1e6);
}

void latency_summary(void) {
    if (!enabled) {
        return;
    }
    for (uint64_t c = 0; c < highest_counter; c++) {
        if (first_ns[c] != 0) {
            add(&first, first_ns[c]);
            add(&last, last_ns[c]);
        }
    }
    print("all", &all);
    print("first", &first);
    print("last", &last);
    printf(",\"latency_unreadable\":%llu", (unsigned long long)unreadable);
}
