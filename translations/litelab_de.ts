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
        <source>Unknown language &quot;%1&quot;; available: %2.</source>
        <translation>Unbekannte Sprache „%1“; verfügbar: %2.</translation>
    </message>
    <message>
        <source>Models to open at start: .tflite, .h5, .keras or .onnx files.</source>
        <translation>Beim Start zu öffnende Modelle: .tflite-, .h5-, .keras- oder .onnx-Dateien.</translation>
    </message>
    <message>
        <source>[models...]</source>
        <translation>[Modelle...]</translation>
    </message>
</context>
<context>
    <name>OperatorRows</name>
    <message>
        <source>Subgraph</source>
        <translation>Teilgraph</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Builtin code</source>
        <translation>Builtin-Code</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Custom code</source>
        <translation>Custom-Code</translation>
    </message>
    <message>
        <source>Builtin options</source>
        <translation>Builtin-Optionen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Custom options</source>
        <translation>Custom-Optionen</translation>
    </message>
    <message>
        <source>FlexBuffer</source>
        <translation>FlexBuffer</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>Intermediates</source>
        <translation>Zwischentensoren</translation>
    </message>
    <message>
        <source>Intermediate %1</source>
        <translation>Zwischentensor %1</translation>
    </message>
</context>
<context>
    <name>PanelText</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>-1: omitted</source>
        <translation>-1: ausgelassen</translation>
    </message>
    <message>
        <source>T#%1 (no such tensor)</source>
        <translation>T#%1 (Tensor existiert nicht)</translation>
    </message>
    <message>
        <source>(no such operator code %1)</source>
        <translation>(Operatorcode %1 existiert nicht)</translation>
    </message>
    <message>
        <source>per-axis along dimension %1, %2 channels</source>
        <translation>pro Achse entlang Dimension %1, %2 Kanäle</translation>
    </message>
    <message>
        <source>scale %1 zero point %2</source>
        <translation>Skalierung %1, Nullpunkt %2</translation>
    </message>
</context>
<context>
    <name>TensorRows</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Subgraph</source>
        <translation>Teilgraph</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Shape signature</source>
        <translation>Formsignatur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>%1, constant</source>
        <translation>%1, konstant</translation>
    </message>
    <message>
        <source>in external buffer %1</source>
        <translation>im externen Puffer %1</translation>
    </message>
    <message>
        <source>computed at run time</source>
        <translation>zur Laufzeit berechnet</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Sparse</source>
        <translation>Dünnbesetzt</translation>
    </message>
    <message>
        <source>Traversal order</source>
        <translation>Traversierungsreihenfolge</translation>
    </message>
    <message>
        <source>Block map</source>
        <translation>Blockzuordnung</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>min/max only</source>
        <translation>nur Min/Max</translation>
    </message>
    <message>
        <source>Quantized dimension</source>
        <translation>Quantisierte Dimension</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Scale range</source>
        <translation>Skalierungsbereich</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>Skalierungen</translation>
    </message>
    <message>
        <source>Zero points</source>
        <translation>Nullpunkte</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Pro Kanal</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <source>scale %1 zero point %2</source>
        <translation>Skalierung %1, Nullpunkt %2</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Zero point</source>
        <translation>Nullpunkt</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Custom details</source>
        <translation>Custom-Details</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Erzeuger</translation>
    </message>
    <message>
        <source>none (graph input)</source>
        <translation>keiner (Eingabe des Graphen)</translation>
    </message>
    <message>
        <source>none (constant)</source>
        <translation>keiner (Konstante)</translation>
    </message>
    <message>
        <source>none (variable)</source>
        <translation>keiner (Variable)</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Verbraucher</translation>
    </message>
    <message>
        <source>Consumer %1</source>
        <translation>Verbraucher %1</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>Graph role</source>
        <translation>Rolle im Graphen</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>input &apos;%1&apos;</source>
        <translation>Eingabe „%1“</translation>
    </message>
    <message>
        <source>output &apos;%1&apos;</source>
        <translation>Ausgabe „%1“</translation>
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
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
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
        <source>About LiteLab</source>
        <translation>Über LiteLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;A workbench for TensorFlow Lite models: inspect, convert, quantize, run and compare them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für TensorFlow-Lite-Modelle: untersuchen, konvertieren, quantisieren, ausführen und vergleichen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening canceled</source>
        <translation>Öffnen abgebrochen</translation>
    </message>
    <message>
        <source>Converted %1 from %2</source>
        <translation>%1 aus %2 konvertiert</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite, Keras or ONNX model</source>
        <translation>Ein TensorFlow-Lite-, Keras- oder ONNX-Modell öffnen</translation>
    </message>
    <message>
        <source>&amp;Close Model</source>
        <translation>Modell &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation>Graph e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the graph as a PNG or SVG picture</source>
        <translation>Den Graphen als PNG- oder SVG-Bild speichern</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find in Graph…</source>
        <translation>Im Graphen &amp;suchen…</translation>
    </message>
    <message>
        <source>Find operators and tensors by type, name or index</source>
        <translation>Operatoren und Tensoren nach Typ, Name oder Index suchen</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Find in &amp;Dump…</source>
        <translation>Im &amp;Auszug suchen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Model Summary</source>
        <translation>Modellübersicht</translation>
    </message>
    <message>
        <source>Dump</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop opening the models still being read</source>
        <translation>Das Öffnen der Modelle abbrechen, die noch gelesen werden</translation>
    </message>
    <message>
        <source>Reading and converting…</source>
        <translation>Wird gelesen und konvertiert…</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite, Keras (.h5, .keras) or ONNX model with File ▸ Open, or drop model files here.</source>
        <translation>Öffnen Sie ein TensorFlow-Lite-, Keras- (.h5, .keras) oder ONNX-Modell mit Datei ▸ Öffnen, oder ziehen Sie Modelldateien hierher.</translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>Modelle öffnen</translation>
    </message>
    <message>
        <source>Models (*.tflite *.h5 *.keras *.onnx);;TensorFlow Lite (*.tflite);;Keras (*.h5 *.keras);;ONNX (*.onnx);;All files (*)</source>
        <translation>Modelle (*.tflite *.h5 *.keras *.onnx);;TensorFlow Lite (*.tflite);;Keras (*.h5 *.keras);;ONNX (*.onnx);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n note(s)</source>
        <translation>
            <numerusform>%1 — %n Hinweis</numerusform>
            <numerusform>%1 — %n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
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
    <name>litelab::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The system language is used unless you choose another one here.</source>
        <translation>Die Sprache des Systems wird verwendet, sofern Sie hier keine andere wählen.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::DumpPanel</name>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Find in the dump</source>
        <translation>Im Auszug suchen</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
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
<context>
    <name>litelab::viewers::GraphPanel</name>
    <message>
        <source>Subgraph #%1</source>
        <translation>Teilgraph #%1</translation>
    </message>
    <message>
        <source>Subgraph #%1: %2</source>
        <translation>Teilgraph #%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n ops)</source>
        <translation>
            <numerusform>%1 (%n Operator)</numerusform>
            <numerusform>%1 (%n Operatoren)</numerusform>
        </translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <source>Cannot Export Graph</source>
        <translation>Graph kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>&amp;Subgraph:</source>
        <translation>&amp;Teilgraph:</translation>
    </message>
    <message>
        <source>Back to the previous subgraph</source>
        <translation>Zurück zum vorherigen Teilgraphen</translation>
    </message>
    <message>
        <source>Find op, tensor, Op#3, T#12 (Ctrl+F)</source>
        <translation>Operator, Tensor, Op#3, T#12 suchen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>Nächster Treffer (F3, Enter)</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Vergrößern (+, Ctrl+Mausrad)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the graph in the view (Ctrl+0)</source>
        <translation>Den Graphen in die Ansicht einpassen (Ctrl+0)</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Show the overview map</source>
        <translation>Die Übersichtskarte anzeigen</translation>
    </message>
    <message>
        <source>Export the graph as PNG or SVG</source>
        <translation>Den Graphen als PNG oder SVG exportieren</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Show what the colours and line styles mean</source>
        <translation>Zeigen, was Farben und Linienstile bedeuten</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::GraphView</name>
    <message>
        <source>%1: there is no graph to export</source>
        <translation>%1: kein Graph zum Exportieren vorhanden</translation>
    </message>
    <message>
        <source>%1: not enough memory for a %2×%3 picture</source>
        <translation>%1: nicht genug Speicher für ein Bild von %2×%3</translation>
    </message>
    <message>
        <source>%1: cannot write the picture (%2)</source>
        <translation>%1: das Bild kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Model graph</source>
        <translation>Modellgraph</translation>
    </message>
    <message>
        <source>Click to select, drag to pan, Ctrl+wheel to zoom, arrows to walk the graph.</source>
        <translation>Klicken zum Auswählen, Ziehen zum Verschieben, Ctrl+Mausrad zum Zoomen, Pfeiltasten zum Durchlaufen des Graphen.</translation>
    </message>
    <message>
        <source>Convolution, dense</source>
        <translation>Faltung, vollvernetzt</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Pooling, reduction</source>
        <translation>Pooling, Reduktion</translation>
    </message>
    <message>
        <source>Element-wise</source>
        <translation>Elementweise</translation>
    </message>
    <message>
        <source>Shape, layout</source>
        <translation>Form, Anordnung</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>Rekurrent</translation>
    </message>
    <message>
        <source>Control flow</source>
        <translation>Kontrollfluss</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Graph input, output</source>
        <translation>Graph-Eingabe, -Ausgabe</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::HistogramWidget</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s)</source>
        <translation>
            <numerusform>%1: %n Wert</numerusform>
            <numerusform>%1: %n Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>real %1</source>
        <translation>reell %1</translation>
    </message>
    <message>
        <source>real %1 to %2</source>
        <translation>reell %1 bis %2</translation>
    </message>
    <message>
        <source>No histogram</source>
        <translation>Kein Histogramm</translation>
    </message>
    <message>
        <source>max %1 per bin</source>
        <translation>max. %1 pro Bin</translation>
    </message>
    <message>
        <source>Histogram of the tensor&apos;s values</source>
        <translation>Histogramm der Werte des Tensors</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::ModelSummaryPanel</name>
    <message>
        <source>Model summary</source>
        <translation>Modellübersicht</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite model to see its summary here.</source>
        <translation>Öffnen Sie ein TensorFlow-Lite-Modell, um hier seine Übersicht zu sehen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Subgraphs</source>
        <translation>Teilgraphen</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Subgraph %1</source>
        <translation>Teilgraph %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n Operator</numerusform>
            <numerusform>%n Operatoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n Tensor</numerusform>
            <numerusform>%n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Constant data</source>
        <translation>Konstante Daten</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Eingabe %1</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>subgraph %1</source>
        <translation>Teilgraph %1</translation>
    </message>
    <message>
        <source>Signature inputs</source>
        <translation>Eingaben der Signatur</translation>
    </message>
    <message>
        <source>Signature outputs</source>
        <translation>Ausgaben der Signatur</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>buffer %1, %2</source>
        <translation>Puffer %1, %2</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::PropertiesPanel</name>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Select an operator or a tensor to see its properties.</source>
        <translation>Wählen Sie einen Operator oder einen Tensor aus, um seine Eigenschaften zu sehen.</translation>
    </message>
    <message>
        <source>Subgraph %1 has no operator %2.</source>
        <translation>Teilgraph %1 hat keinen Operator %2.</translation>
    </message>
    <message>
        <source>Subgraph %1 has no tensor %2.</source>
        <translation>Teilgraph %1 hat keinen Tensor %2.</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::PropertyTree</name>
    <message>
        <source>Double-click to select this operator</source>
        <translation>Doppelklicken, um diesen Operator auszuwählen</translation>
    </message>
    <message>
        <source>Double-click to select this tensor</source>
        <translation>Doppelklicken, um diesen Tensor auszuwählen</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::TensorInspector</name>
    <message>
        <source>There is no tensor T#%1 in subgraph %2.</source>
        <translation>Im Teilgraphen %2 gibt es keinen Tensor T#%1.</translation>
    </message>
    <message>
        <source>No tensor selected.</source>
        <translation>Kein Tensor ausgewählt.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>not quantized</source>
        <translation>nicht quantisiert</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>quantized: scale %1, zero point %2</source>
        <translation>quantisiert: Skalierung %1, Nullpunkt %2</translation>
    </message>
    <message>
        <source>quantized per channel along dimension %1: %2 scales from %3 to %4, zero points %5</source>
        <translation>pro Kanal quantisiert entlang Dimension %1: %2 Skalierungen von %3 bis %4, Nullpunkte %5</translation>
    </message>
    <message>
        <source>range %1 to %2 (not quantized)</source>
        <translation>Bereich %1 bis %2 (nicht quantisiert)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; T#%2&lt;br&gt;shape %3, %4, %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; T#%2&lt;br&gt;Form %3, %4, %5</translation>
    </message>
    <message>
        <source>T#%1 is computed at run time; it has no stored values</source>
        <translation>T#%1 wird zur Laufzeit berechnet; es hat keine gespeicherten Werte</translation>
    </message>
    <message>
        <source>T#%1 is stored in a sparse (compressed) format; its values are not shown</source>
        <translation>T#%1 ist in einem dünnbesetzten (komprimierten) Format gespeichert; seine Werte werden nicht angezeigt</translation>
    </message>
    <message>
        <source>T#%1 holds %2 values, which the inspector does not show</source>
        <translation>T#%1 enthält %2-Werte, die der Inspektor nicht anzeigt</translation>
    </message>
    <message>
        <source>The values of T#%1 cannot be read: %2</source>
        <translation>Die Werte von T#%1 können nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n string(s); strings have no statistics</source>
        <translation>
            <numerusform>%n Zeichenkette; für Zeichenketten gibt es keine Statistik</numerusform>
            <numerusform>%n Zeichenketten; für Zeichenketten gibt es keine Statistik</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>Reell</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <source>Sparsity</source>
        <translation>Sparsität</translation>
    </message>
    <message>
        <source>%1% (%2 zeros)</source>
        <translation>%1 % (%2 Nullen)</translation>
    </message>
    <message>
        <source>NaN or infinite</source>
        <translation>NaN oder unendlich</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>Keine Zeilen</translation>
    </message>
    <message>
        <source>Rows %1 to %2 of %3</source>
        <translation>Zeilen %1 bis %2 von %3</translation>
    </message>
    <message>
        <source>Export Values as NumPy Array</source>
        <translation>Werte als NumPy-Array exportieren</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy-Arrays (*.npy)</translation>
    </message>
    <message>
        <source>Export Values as CSV</source>
        <translation>Werte als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: the tensor shown has no stored values to export</source>
        <translation>%1: der angezeigte Tensor hat keine gespeicherten Werte zum Exportieren</translation>
    </message>
    <message>
        <source>Real values</source>
        <translation>Reelle Werte</translation>
    </message>
    <message>
        <source>Stored integers</source>
        <translation>Gespeicherte Ganzzahlen</translation>
    </message>
    <message>
        <source>&amp;Copy Page</source>
        <translation>Seite &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the rows of this page as tab-separated text</source>
        <translation>Die Zeilen dieser Seite als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Write the values as shown, one table row per line</source>
        <translation>Die Werte wie angezeigt schreiben, eine Tabellenzeile pro Zeile</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Letzte Seite</translation>
    </message>
    <message>
        <source>Tensor inspector</source>
        <translation>Tensor-Inspektor</translation>
    </message>
    <message numerus="yes">
        <source>Counting %n value(s)…</source>
        <translation>
            <numerusform>%n Wert wird gezählt…</numerusform>
            <numerusform>%n Werte werden gezählt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Anzei&amp;ge:</translation>
    </message>
    <message>
        <source>Export .&amp;npy…</source>
        <translation>.&amp;npy exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::TensorTableModel</name>
    <message>
        <source>%1: stored %2, real %3 (channel %4: scale %5, zero point %6)</source>
        <translation>%1: gespeichert %2, reell %3 (Kanal %4: Skalierung %5, Nullpunkt %6)</translation>
    </message>
    <message>
        <source>%1: stored %2, real %3 (scale %4, zero point %5)</source>
        <translation>%1: gespeichert %2, reell %3 (Skalierung %4, Nullpunkt %5)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
</context>
</TS>
