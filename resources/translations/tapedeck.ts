<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>InputRouting</name>
    <message>
        <source>Mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channels</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from the device&apos;s first inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, mixed from inputs 1–%2 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more channels than the device&apos;s inputs (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inputs %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 from %2: the device has only %n input(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Mixed: %1 + %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left: %1 · Right: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LevelMeterAccessible</name>
    <message>
        <source>%1 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; clipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Take %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaveformSpeech</name>
    <message>
        <source>Position %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selection %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n marker(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tapedeck::AboutBox</name>
    <message>
        <source>About Tapedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tapedeck %1&lt;/h3&gt;&lt;p&gt;Record the microphone or play a sound file, without fuss.&lt;/p&gt;&lt;p&gt;Built with Qt %2, PortAudio and libsndfile.&lt;/p&gt;&lt;p&gt;License: %3. Tapedeck comes with no warranty.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::AlsoRecordPicker</name>
    <message>
        <source>Also record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second input recorded into the same take, for example what the computer plays during a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the two inputs share the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split: me left, them right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main input on the left, the second on the right, each in mono, so the two sides can be balanced later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both inputs together in one stereo take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the main input only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ApplicationAdaptor</name>
    <message>
        <source>Tapedeck opens files on this computer only, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck has no action called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::BuiltInPartNames</name>
    <message>
        <source>%1 choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choices of %1; Enter picks one, Escape closes the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the earlier panel tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the later panel tabs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::DevicePicker</name>
    <message>
        <source>%1 (not supported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV, 16-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV, 24-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV, 32-bit float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC (lossless, smaller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ogg Vorbis (lossy, smallest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sound system the devices belong to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone or line input to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where playback is heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per second to record at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many input channels to record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buffer size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller buffers mean less delay; larger ones are safer against dropouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file format of new recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for devices again, for example after plugging one in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample &amp;rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Buffer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (mono)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 (stereo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (%1 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop sound devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (advanced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If Tapedeck or the computer crashes, up to two seconds at the end of an Ogg take can be lost. WAV and FLAC lose at most the last second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If Tapedeck or the computer crashes, at most the last second of the take is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound server is running: these are the devices the audio systems offer directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which inputs of the device feed the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channe&amp;ls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For&amp;mat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sound server is running, but ALSA&apos;s pulse plugin cannot open its devices by name. Tapedeck records and plays through the default device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udio system:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Also record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;yout:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::DiskSpaceMonitor</name>
    <message>
        <source>Less than a minute of recording space is left on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only 1 minute of recording space left on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 minutes of recording space left on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording goes on until the disk is full, and everything written is kept. Stop soon, or free some disk space.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ExportActions</name>
    <message>
        <source>Ex&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the file, or its selection, as WAV, FLAC, Ogg, MP3 or Opus, at a loudness target if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole file, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selection, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written. Choose another name, folder or format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1 at %2 LUFS, true peak %3 dBTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ExportDialog</name>
    <message>
        <source>None (level as recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podcast (−16 LUFS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podcast, mono (−19 LUFS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast, EBU R128 (−23 LUFS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming (−14 LUFS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV (lossless)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLAC (lossless, smaller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ogg Vorbis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mono (all channels mixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stereo (odd channels left, even right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> LUFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target loudness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dBTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True-peak ceiling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loudness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;arget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True-peak &amp;ceiling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kbit/s constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable, best (V0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable, good (V2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable, small (V5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kbit/s per channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vorbis default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lossless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short or too quiet to measure (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 LUFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, true peak %1 dBTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, range %1 LU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To reach %1 LUFS: %2 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, peaks above %1 dBTP held by the limiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP3 holds mono or stereo only: choose Mono or Stereo under Channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV (*.wav);;FLAC (*.flac);;Ogg Vorbis (*.ogg);;MP3 (*.mp3);;Opus (*.opus)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ExportJob</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::FileChooser</name>
    <message>
        <source>Enter picks one, Escape closes the list without changing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders to look in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::GlobalShortcutPortal</name>
    <message>
        <source>Start or stop recording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::InputLevelSlider</name>
    <message>
        <source>Input level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone&apos;s level on the sound server, as the desktop&apos;s sound settings show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input level:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::InputMeters</name>
    <message>
        <source>Level meter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (lost)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::LevelMeter</name>
    <message>
        <source>Level meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input or playback level. Click to clear the clip indicators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipping detected. Click to clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s), no clipping</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tapedeck::LoudnessReadout</name>
    <message>
        <source>Momentary loudness: the last 400 ms, in LUFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short-term loudness: the last 3 seconds, in LUFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrated loudness of the take so far, in LUFS (EBU R128)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I %1 LUFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrated loudness of the whole file, in LUFS (EBU R128)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::MainWindow</name>
    <message>
        <source>Open a sound file (Ctrl+O), drop one here, or press R to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waveform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Takes Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the list of recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording first to open another take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could be opened to show the folder. It is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open that folder in a file manager or a terminal, or install a file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tapedeck?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A take is being recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitting stops the recording and saves the take. What was recorded so far is kept either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Recording and &amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::MarkerList</name>
    <message>
        <source>Marker %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::MarkersPanel</name>
    <message>
        <source>Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Mar&amp;ker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take&apos;s markers by time; Enter moves to the marker, F2 renames it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marker name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter keeps the new name, Escape leaves the marker as it was</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::MprisTrack</name>
    <message>
        <source>Recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::OpenFileFilter</name>
    <message>
        <source>Audio files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RecentFilesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open recent file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RecorderControls</name>
    <message>
        <source>&amp;Monitor Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the input without recording, so the meters show its level; Record then keeps the pre-roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a marker at the current position, while recording or playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the marker before the position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the marker after the position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Markers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the markers as an Audacity label file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markers panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Markers Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take options panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The markers were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markers saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The markers were not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audacity labels (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Mar&amp;ker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take O&amp;ptions Panel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RecordingAnnouncer</name>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stopped after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording paused at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording resumed at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording, %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RecordingScreen</name>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sound above %1 dBFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RecoveryBanner</name>
    <message>
        <source>Unfinished recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished recordings found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair the recordings, keeping every sample that reached the disk, and open the last one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the unfinished recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now (Tapedeck offers again at the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck found 1 recording that was not finished (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck found %1 recordings that were not finished (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cover</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RenameTakeCommand</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::RunningWindow</name>
    <message>
        <source>Still recording: %1 waits in File › Open Recent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still recording: %1 and %2 more wait in File › Open Recent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window could not start recording now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ScheduleActions</name>
    <message>
        <source>Scheduled recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduled recording was cancelled; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tapedeck?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A take is scheduled to start at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitting cancels it: nothing will be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit and Cancel the Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Tapedeck Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A take will be recorded at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Sc&amp;heduled Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;hedule Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the take that is waiting to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a take at a time you choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ScheduleDialog</name>
    <message>
        <source>Schedule a Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time of day, such as 14:30, or a date and time, such as 2026-12-04 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>14:30 or 2026-12-04 14:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to record, such as 90s, 45m or 1h30m; empty records until you press Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until Stop (or 90s, 45m, 1h30m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the take starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the take is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the start as a time of day, such as 14:30, or as a date and time, such as 2026-12-04 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has already passed. Choose a later time; a time that has passed is not taken to mean tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the length as 90s, 45m or 1h30m, or leave it empty to record until you press Stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It records for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It records until you press Stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take starts at %1, in %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ScheduledTake</name>
    <message>
        <source>Waiting to record a scheduled take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording starts in %1:%2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording starts in %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduled take did not start: a take was already being recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::SelectionActions</name>
    <message>
        <source>Trim %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV (*.wav);;FLAC (*.flac);;Ogg Vorbis (*.ogg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the whole file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select nothing; Play plays the whole file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selection to a new file, sample for sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trim to Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only the selection: the trimmed take is saved beside the original, which goes to the trash (Undo brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (trimmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (trimmed %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (selection).%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original take is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written. Choose another name or folder, or another format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the selection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trimmed take was saved as %1, but the original could not be moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both files are kept. Delete the original yourself if you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimmed: saved as %1; the original is in the trash (Undo brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be undone: its files were moved or deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. Look for the files in the folder or in the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: the file or its selection changed while the name was chosen. Select again and export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::SelectionBar</name>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the selection starts; type a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the selection ends; type a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the selection is; type a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Len&amp;gth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::Session</name>
    <message>
        <source>mono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stereo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channels</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Hz, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck cannot write to the recordings folder “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (it cannot be played back now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop first to look for devices again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found %n device(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tapedeck found no audio devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recordings go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for sound above %1 dBFS… Stop ends the wait; no file is kept until the sound comes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Press P to go on recording into the same file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound came; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Monitoring the input. Record keeps the last %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The take clipped: %Ln sample(s) reached full scale. %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is connected again: Record starts a new take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the computer&apos;s sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost %1: the meters go on with %2 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug it back in, or choose another input to record with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost %1: the take goes on with %2 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its side of the take is silent from here on, and a marker shows where it went. Plug it back in and start a new take to record both again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::ShortcutsDialog</name>
    <message>
        <source>Anywhere in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys that work in the Tapedeck window. Alt with the underlined letter opens a menu or moves to a field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::SleepInhibitor</name>
    <message>
        <source>Nothing would keep the computer awake: it may sleep during this take.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback speed at the same pitch (Ctrl+Up faster, Ctrl+Down slower). Times stay those of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play 0.1× faster, at the same pitch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play 0.1× slower, at the same pitch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slo&amp;wer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::StatusPanel</name>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position and duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rate, channels and file format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropouts: audio the computer could not keep up with during this take. Zero means nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long you can record in the current format before the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropouts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocks lost because the disk fell behind, %2 reported by the audio device. Zero means nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk: %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Audio was lost at %n place(s) while this take was recorded; the red marks on the waveform show where.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback is paused: Play goes on from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakeFiles</name>
    <message>
        <source>“%1” cannot be a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a file called “%1”. Tapedeck never renames over a file; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a file called “%1”; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be renamed. Check that the folder can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A take needs a name: the name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be a take&apos;s name: “/” separates folders. Choose a name without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name keeps “.%1”: renaming does not change the format (Export Selection writes another one).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakeLifecycle</name>
    <message>
        <source>The waveform cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording a take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was probably not copied or downloaded completely. Tapedeck plays what is there; copy the file again to get the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered %1 recordings: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is cut short: it holds %2 of sound (%3 bytes), but its header says %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakeListModel</name>
    <message>
        <source>Unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is being recorded. Rename it once the take is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakeLoudness</name>
    <message>
        <source>%1 LUFS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakeOptionsPanel</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the input is monitored, a take starts with this much of what came before Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pre-roll:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start when the level rises above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dBFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this long below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence before stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after a length of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start when the level rises above the start level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this long below the level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after a length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A take waits, recording nothing, until the input is louder than the start level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How loud the input must be to start the take, in dBFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take ends by itself once the input has stayed below the start level this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds of quiet that end the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take ends by itself when it is this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds the take lasts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakeRecovery</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck could not repair %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is left as it was. Copy it somewhere safe before recording more; Tapedeck tries again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TakesPanel</name>
    <message>
        <source>Move %1 to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter takes by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes in the recordings folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take keeps its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The take is still there. Check that its folder can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 to the trash (Undo brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being recorded. Stop recording before moving it to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed %1 to %2 (Undo gives it its old name back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens the take, F2 renames it, Delete moves it to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter renames the take file, Escape leaves its name as it was</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::TransportActions</name>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording a new take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play from the current position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop playback or finish the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the start of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again from the beginning when playback reaches the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause playback, or pause the take (P again resumes it into the same file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::UserMessage</name>
    <message>
        <source>Check that the sound system (PipeWire or PulseAudio) is running, then choose Refresh Devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a microphone or headphones, then choose Refresh Devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device may have been unplugged. Plug it back in or pick another device, then choose Refresh Devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the device from the list in the Devices panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a sample rate the device supports in the Devices panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick fewer channels in the Devices panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program may be using the device. Close it, or pick another device or a larger buffer, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file may have been moved or deleted. Open it from its new place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no sound in it. Open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged or is not a sound file Tapedeck can read. Open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick another recording format in the Devices panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck never overwrites a file. Press Record again for a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another recordings folder (File &gt; Recordings Folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything written so far was kept. Free some disk space or choose another recordings folder (File &gt; Recordings Folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the settings in the Devices panel and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio device stopped responding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio stream failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong with the audio device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded up to that moment was saved. Reconnect the device, or choose another, and record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck cannot reach the sound system, so it cannot play or record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapedeck found no audio devices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tapedeck::WaveformView</name>
    <message>
        <source>Waveform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waveform position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building waveform… 100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building waveform… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s), %1 long</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropout(s) marked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tapedeck::WindowMenus</name>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a sound file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where new recordings are saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show Recordings Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the recordings folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tapedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show less time, in more detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tapedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt version Tapedeck uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Sound File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Recordings Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could be opened to show the recordings folder. It is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open that folder in a file manager or a terminal, or install a file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the open file; Tapedeck stays open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key Tapedeck answers to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
