// Writes the fuzzer's seed corpus: tiny sound files in every container Tapedeck reads, and
// damaged variants of them (cut short, bytes changed, impossible sizes, no bytes at all).
//   make_fuzz_corpus DIR

#include <sndfile.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

using Bytes = std::vector<unsigned char>;

std::string g_dir;

Bytes encode(int format, int channels, int frames, int rate = 8000) {
    const std::string temporary = g_dir + "/.encoding";
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    SNDFILE* file = sf_open(temporary.c_str(), SFM_WRITE, &info);
    if (file == nullptr) {
        std::fprintf(stderr, "cannot write format %x: %s\n", format, sf_strerror(nullptr));
        return {};
    }
    // Integer encoders need in-range samples; the peaks above full scale are clipped.
    sf_command(file, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    std::vector<float> samples(static_cast<std::size_t>(frames) * channels);
    for (int i = 0; i < frames; ++i) {
        for (int c = 0; c < channels; ++c) {
            samples[i * channels + c] = 0.8f * static_cast<float>(std::sin(0.05 * i * (c + 1))) *
                                        (i % 97 == 0 ? 1.3f : 1.f);
        }
    }
    sf_writef_float(file, samples.data(), frames);
    sf_close(file);
    std::ifstream in(temporary, std::ios::binary);
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::remove(temporary.c_str());
    return bytes;
}

void save(const std::string& name, const Bytes& bytes) {
    std::ofstream out(g_dir + "/" + name, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

Bytes cut(Bytes bytes, std::size_t size) {
    bytes.resize(std::min(size, bytes.size()));
    return bytes;
}

Bytes poke32(Bytes bytes, std::size_t offset, std::uint32_t value) {
    for (int i = 0; i < 4 && offset + i < bytes.size(); ++i) {
        bytes[offset + i] = static_cast<unsigned char>(value >> (8 * i));
    }
    return bytes;
}

Bytes poke16(Bytes bytes, std::size_t offset, std::uint16_t value) {
    for (int i = 0; i < 2 && offset + i < bytes.size(); ++i) {
        bytes[offset + i] = static_cast<unsigned char>(value >> (8 * i));
    }
    return bytes;
}

// Flips bytes at a fixed stride: damage that is the same on every run.
Bytes flip(Bytes bytes, std::size_t from, std::size_t stride) {
    for (std::size_t i = from; i < bytes.size(); i += stride) {
        bytes[i] ^= 0x5A;
    }
    return bytes;
}

// A plain 16-bit PCM WAV header (44 bytes) with chosen fields.
Bytes wavHeader(std::uint16_t channels, std::uint32_t rate, std::uint16_t bits,
                std::uint32_t dataSize, std::uint32_t riffSize) {
    Bytes h(44, 0);
    const auto put = [&h](std::size_t at, const char* text) {
        for (int i = 0; i < 4; ++i) {
            h[at + i] = static_cast<unsigned char>(text[i]);
        }
    };
    put(0, "RIFF");
    put(8, "WAVE");
    put(12, "fmt ");
    put(36, "data");
    h = poke32(h, 4, riffSize);
    h = poke32(h, 16, 16);
    h = poke16(h, 20, 1);
    h = poke16(h, 22, channels);
    h = poke32(h, 24, rate);
    const std::uint16_t align = static_cast<std::uint16_t>(channels * (bits / 8));
    h = poke32(h, 28, rate * align);
    h = poke16(h, 32, align);
    h = poke16(h, 34, bits);
    h = poke32(h, 40, dataSize);
    return h;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fuzz_corpus DIR\n");
        return 2;
    }
    g_dir = argv[1];

    const Bytes wav16 = encode(SF_FORMAT_WAV | SF_FORMAT_PCM_16, 1, 2000);
    const Bytes wav24 = encode(SF_FORMAT_WAV | SF_FORMAT_PCM_24, 2, 1500);
    const Bytes wavFloat = encode(SF_FORMAT_WAV | SF_FORMAT_FLOAT, 2, 1000);
    const Bytes wavex = encode(SF_FORMAT_WAVEX | SF_FORMAT_PCM_24, 3, 700);
    const Bytes rf64 = encode(SF_FORMAT_RF64 | SF_FORMAT_PCM_16, 2, 1000);
    const Bytes aiff = encode(SF_FORMAT_AIFF | SF_FORMAT_PCM_16, 2, 1000);
    const Bytes aifc = encode(SF_FORMAT_AIFF | SF_FORMAT_FLOAT, 1, 1000);
    const Bytes au = encode(SF_FORMAT_AU | SF_FORMAT_ULAW, 1, 1000);
    const Bytes caf = encode(SF_FORMAT_CAF | SF_FORMAT_PCM_16, 2, 800);
    const Bytes w64 = encode(SF_FORMAT_W64 | SF_FORMAT_PCM_16, 1, 800);
    const Bytes flac = encode(SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 2, 5000);
    const Bytes flac24 = encode(SF_FORMAT_FLAC | SF_FORMAT_PCM_24, 1, 3000);
    const Bytes ogg = encode(SF_FORMAT_OGG | SF_FORMAT_VORBIS, 1, 9000);
    const Bytes opus = encode(SF_FORMAT_OGG | SF_FORMAT_OPUS, 1, 9600, 48000);

    save("wav16-mono.wav", wav16);
    save("wav24-stereo.wav", wav24);
    save("wavfloat-stereo.wav", wavFloat);
    save("wavex-3ch.wav", wavex);
    save("rf64.wav", rf64);
    save("aiff16.aiff", aiff);
    save("aifc-float.aiff", aifc);
    save("ulaw.au", au);
    save("pcm16.caf", caf);
    save("pcm16.w64", w64);
    save("stereo16.flac", flac);
    save("mono24.flac", flac24);
    save("vorbis.ogg", ogg);
    save("opus.opus", opus);

    // Cut short: mid-header and mid-data.
    save("cut-header.wav", cut(wav24, 30));
    save("cut-data.wav", cut(wav24, wav24.size() / 2 + 1));
    save("cut.aiff", cut(aiff, aiff.size() / 3));
    save("cut.flac", cut(flac, flac.size() / 2));
    save("cut-metadata.flac", cut(flac, 40));
    save("cut.ogg", cut(ogg, ogg.size() * 2 / 3));
    save("cut.caf", cut(caf, caf.size() / 2));

    // Changed bytes.
    save("flipped-data.wav", flip(wav16, 60, 7));
    save("flipped-header.aiff", flip(aiff, 20, 9));
    save("flipped.flac", flip(flac, 200, 31));
    save("flipped.ogg", flip(ogg, 300, 53));
    save("flipped-opus.opus", flip(opus, 500, 97));

    // A FLAC stream whose length is unknown, as an unfinished writer leaves it.
    {
        Bytes unknown = flac;
        if (unknown.size() > 26) {
            unknown[21] &= 0xF0;
            unknown[22] = unknown[23] = unknown[24] = unknown[25] = 0;
        }
        save("unknown-length.flac", unknown);
    }

    // Impossible sizes and fields.
    {
        Bytes huge = wavHeader(2, 44100, 16, 0xFFFFFFF0u, 0xFFFFFFF8u);
        huge.resize(huge.size() + 64, 1);
        save("huge-data-size.wav", huge);
        save("many-channels.wav", wavHeader(1000, 44100, 16, 4000, 4036));
        save("zero-rate.wav", wavHeader(2, 0, 16, 400, 436));
        save("zero-channels.wav", wavHeader(0, 44100, 16, 400, 436));
        save("odd-bits.wav", wavHeader(2, 44100, 12, 400, 436));
        Bytes bigFmt = wavHeader(2, 44100, 16, 400, 436);
        save("huge-fmt-chunk.wav", poke32(bigFmt, 16, 0xFFFFFF00u));
        Bytes rf64Huge = rf64;
        // ds64 riff size, data size and frame count of 2^62.
        for (std::size_t at : {20u, 28u, 36u}) {
            rf64Huge = poke32(poke32(rf64Huge, at, 0), at + 4, 0x40000000u);
        }
        save("huge-ds64.wav", rf64Huge);
        save("huge-ssnd.aiff", poke32(aiff, 4, 0xFFFFFFFFu));
    }

    save("empty.wav", {});
    save("one-byte", {0x52});
    save("riff-only", {'R', 'I', 'F', 'F'});
    return 0;
}
