<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>User interface language: %1. The default follows the system.</source>
        <translation>Sprache der Benutzeroberfläche: %1. Standardmäßig die des Systems.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>LiteLab, a workbench for TensorFlow Lite models.</source>
        <translation>LiteLab, eine Werkbank für TensorFlow-Lite-Modelle.</translation>
    </message>
    <message>
        <source>A .tflite model to open at start.</source>
        <translation>Ein .tflite-Modell, das beim Start geöffnet wird.</translation>
    </message>
    <message>
        <source>[model]</source>
        <translation>[Modell]</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; available: %2.</source>
        <translation>Unbekannte Sprache „%1“; verfügbar: %2.</translation>
    </message>
    <message>
        <source>Give at most one model file.</source>
        <translation>Geben Sie höchstens eine Modelldatei an.</translation>
    </message>
</context>
<context>
    <name>litelab::ui::MainWindow</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Open Model</source>
        <translation>Modell kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Opened %1 — warnings: %2</source>
        <translation>%1 geöffnet — Warnungen: %2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite model</source>
        <translation>Ein TensorFlow-Lite-Modell öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit LiteLab</source>
        <translation>LiteLab beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About LiteLab</source>
        <translation>Ü&amp;ber LiteLab</translation>
    </message>
    <message>
        <source>Show the version of LiteLab</source>
        <translation>Die Version von LiteLab anzeigen</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>LiteLab — %1</source>
        <translation>LiteLab — %1</translation>
    </message>
    <message>
        <source>LiteLab</source>
        <translation>LiteLab</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite);;All files (*)</source>
        <translation>TensorFlow-Lite-Modelle (*.tflite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About LiteLab</source>
        <translation>Über LiteLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;A workbench for TensorFlow Lite models: inspect, convert, quantize, run and compare them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für TensorFlow-Lite-Modelle: untersuchen, konvertieren, quantisieren, ausführen und vergleichen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>litelab::ui::RecentFiles</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <extracomment>A File &gt; Open Recent entry: %1 is its number (the keyboard accelerator), %2 the file name.</extracomment>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::DumpView</name>
    <message>
        <source>Open a TensorFlow Lite model to see its structure here.</source>
        <translation>Öffnen Sie ein TensorFlow-Lite-Modell, um hier seine Struktur zu sehen.</translation>
    </message>
    <message>
        <source>Model dump</source>
        <translation>Modellauszug</translation>
    </message>
</context>
</TS>
