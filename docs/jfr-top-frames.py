#!/usr/bin/env python3
"""Summarises a server JFR recording by top frames, as docs/perf-plan.md reports it.

  jfr-top-frames.py RECORDING.jfr [--threads tributary-rtsp] [--play-seconds 20]

Prints, for jdk.ExecutionSample, jdk.NativeMethodSample and jdk.ObjectAllocationSample, the
share of samples (allocations: of sampled bytes) by top frame and by first org.tributary frame,
keeping only threads whose name starts with --threads and, with --play-seconds, only the last
that many seconds before the last datagram send (the benchmark's play window).
"""
import argparse
import collections
import re
import subprocess

EVENT = re.compile(r'\n(?=jdk\.\w+ \{)')
STACK = re.compile(r'stackTrace = \[\n(.*?)\n\s*\]', re.S)
THREAD = re.compile(r'(?:sampledThread|eventThread) = "([^"]*)"')
START = re.compile(r'startTime = (\d+):(\d+):([\d.]+)')
WEIGHT = re.compile(r'weight = ([\d.]+) (\w+)')
UNITS = {'bytes': 1, 'kB': 1024, 'MB': 1024 ** 2, 'GB': 1024 ** 3}


def events(recording, name):
    text = subprocess.run(['jfr', 'print', '--events', name, '--stack-depth', '30', recording],
                          check=True, capture_output=True, text=True).stdout
    for event in EVENT.split(text):
        stack = STACK.search(event)
        frames = [re.sub(r'\s+line:.*$', '', line.strip()) for line in stack.group(1).split('\n')
                  if line.strip() not in ('', '...')] if stack else []
        thread = THREAD.search(event)
        start = START.search(event)
        seconds = (int(start.group(1)) * 3600 + int(start.group(2)) * 60 + float(start.group(3))) if start else None
        weight = WEIGHT.search(event)
        bytes_ = float(weight.group(1)) * UNITS.get(weight.group(2), 1) if weight else 1
        yield frames, thread.group(1) if thread else '', seconds, bytes_


def play_window(recording, seconds):
    sends = [t for frames, _, t, _ in events(recording, 'jdk.NativeMethodSample')
             if t is not None and frames and ('sendTo' in frames[0] or 'sendmmsg' in frames[0])]
    return (max(sends) - seconds, max(sends)) if sends else None


def summarise(recording, name, threads, window, top=12):
    by_top, by_project, total, count = collections.Counter(), collections.Counter(), 0.0, 0
    for frames, thread, seconds, weight in events(recording, name):
        if not thread.startswith(threads):
            continue
        frames = frames or ['(no stack trace)']
        if window and (seconds is None or not window[0] <= seconds <= window[1]):
            continue
        count += 1
        total += weight
        by_top[frames[0]] += weight
        project = next((f for f in frames if f.startswith('org.tributary')), None)
        if project:
            by_project[project] += weight
    print(f'## {name}: {count} samples' + (f', {total / 2 ** 20:.1f} MiB' if name == 'jdk.ObjectAllocationSample' else ''))
    for title, counter in (('top frame', by_top), ('first org.tributary frame', by_project)):
        print(f'### {title}')
        whole = sum(counter.values()) or 1
        for frame, value in counter.most_common(top):
            print(f'{100 * value / whole:5.1f} %  {frame}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('recording')
    parser.add_argument('--threads', default='tributary-rtsp')
    parser.add_argument('--play-seconds', type=float)
    args = parser.parse_args()
    window = play_window(args.recording, args.play_seconds) if args.play_seconds else None
    for name in ('jdk.ExecutionSample', 'jdk.NativeMethodSample', 'jdk.ObjectAllocationSample'):
        summarise(args.recording, name, args.threads, window)


if __name__ == '__main__':
    main()
