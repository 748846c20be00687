#!/usr/bin/python3
"""An independent NumPy computation of LiteLab's MFCC features, for featurize_test.

  mfcc_reference.py --make-wavs DIR      write the test's sound files (Python's wave module)
  mfcc_reference.py OUT.npz WAV...       features of WAV files (array x, [files, 50, 13, 1])

Written from the definition in docs/features.md, not from LiteLab's code: float64 throughout,
NumPy's real FFT, the mel filters and the DCT built with NumPy array operations.
"""
import os
import sys
import wave

import numpy as np

RATE, CLIP, WINDOW, HOP, FFT, BANDS, LOW, HIGH, COEFFS, FLOOR = 16000, 16000, 480, 320, 512, 40, 20.0, 8000.0, 13, 1e-6


def read_wav(path):
    with wave.open(path, "rb") as w:
        width, channels, rate, n = w.getsampwidth(), w.getnchannels(), w.getframerate(), w.getnframes()
        raw = w.readframes(n)
    if width == 1:
        data = (np.frombuffer(raw, np.uint8).astype(np.float64) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(raw, "<i2").astype(np.float64) / 32768.0
    elif width == 3:
        b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        data = np.where(v >= 1 << 23, v - (1 << 24), v).astype(np.float64) / float(1 << 23)
    else:
        data = np.frombuffer(raw, "<i4").astype(np.float64) / float(1 << 31)
    return data.reshape(-1, channels).mean(axis=1), rate


def mel(hz):
    return 2595.0 * np.log10(1.0 + hz / 700.0)


def hz(m):
    return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


def features(samples):
    clip = np.zeros(CLIP)
    clip[:min(len(samples), CLIP)] = samples[:CLIP]
    frames = -(-CLIP // HOP)
    padded = np.concatenate([clip, np.zeros(frames * HOP + WINDOW)])
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(WINDOW) / WINDOW)
    framed = np.stack([padded[f * HOP:f * HOP + WINDOW] * window for f in range(frames)])
    power = np.abs(np.fft.rfft(framed, n=FFT, axis=1)) ** 2
    edges = hz(np.linspace(mel(LOW), mel(HIGH), BANDS + 2))
    freqs = np.arange(FFT // 2 + 1) * RATE / FFT
    left, centre, right = edges[:-2, None], edges[1:-1, None], edges[2:, None]
    filters = np.maximum(0.0, np.minimum((freqs - left) / (centre - left), (right - freqs) / (right - centre)))
    log_mel = np.log(power @ filters.T + FLOOR)
    k, m = np.arange(COEFFS)[:, None], np.arange(BANDS)[None, :]
    dct = np.sqrt(np.where(k == 0, 1.0, 2.0) / BANDS) * np.cos(np.pi * k * (m + 0.5) / BANDS)
    return (log_mel @ dct.T)[:, :, None]


def write_wav(path, data, rate=RATE, width=2, channels=1):
    data = np.clip(data, -1.0, 1.0 - 1e-9).reshape(-1, channels)
    if width == 1:
        raw = np.round(data * 127.0 + 128.0).astype(np.uint8).tobytes()
    elif width == 2:
        raw = np.round(data * 32767.0).astype("<i2").tobytes()
    elif width == 3:
        v = np.round(data * 8388607.0).astype(np.int32).reshape(-1)
        raw = np.stack([v & 255, (v >> 8) & 255, (v >> 16) & 255], axis=1).astype(np.uint8).tobytes()
    else:
        raw = np.round(data * 2147483647.0).astype("<i4").tobytes()
    with wave.open(path, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(raw)


def make_wavs(out):
    rng = np.random.default_rng(5)
    t = np.arange(RATE) / RATE
    chirp = 0.5 * np.sin(2 * np.pi * (200 + 3000 * t) * t) + 0.05 * rng.standard_normal(RATE)
    write_wav(os.path.join(out, "chirp_16bit.wav"), chirp)
    write_wav(os.path.join(out, "chirp_24bit.wav"), chirp, width=3)
    write_wav(os.path.join(out, "chirp_8bit.wav"), chirp, width=1)
    tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(int(0.6 * RATE)) / RATE)
    stereo = np.stack([tone, 0.5 * rng.standard_normal(tone.size) * 0.1], axis=1)
    write_wav(os.path.join(out, "short_stereo.wav"), stereo, channels=2)
    write_wav(os.path.join(out, "long_noise.wav"), 0.2 * rng.standard_normal(int(1.4 * RATE)))
    write_wav(os.path.join(out, "cd_rate.wav"), chirp[:4410], rate=44100)
    write_wav(os.path.join(out, "empty.wav"), np.zeros(0))


def main(argv):
    if len(argv) == 2 and argv[0] == "--make-wavs":
        make_wavs(argv[1])
        return 0
    if len(argv) < 2:
        sys.exit(__doc__)
    out = []
    for path in argv[1:]:
        samples, rate = read_wav(path)
        if rate != RATE:
            sys.exit(f"{path}: {rate} Hz")
        out.append(features(samples))
    np.savez(argv[0], x=np.stack(out).astype(np.float64))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
