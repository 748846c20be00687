<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>User interface language: %1. The default follows the system.</source>
        <translation>界面语言：%1。默认跟随系统设置。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>LiteLab, a workbench for TensorFlow Lite models.</source>
        <translation>LiteLab：TensorFlow Lite 模型工作台。</translation>
    </message>
    <message>
        <source>A .tflite model to open at start.</source>
        <translation>启动时打开的 .tflite 模型。</translation>
    </message>
    <message>
        <source>[model]</source>
        <translation>[模型]</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; available: %2.</source>
        <translation>未知语言“%1”；可用语言：%2。</translation>
    </message>
    <message>
        <source>Give at most one model file.</source>
        <translation>最多只能指定一个模型文件。</translation>
    </message>
</context>
<context>
    <name>litelab::ui::MainWindow</name>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot Open Model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Opened %1 — warnings: %2</source>
        <translation>已打开 %1 — 警告：%2 条</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite model</source>
        <translation>打开 TensorFlow Lite 模型</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit LiteLab</source>
        <translation>退出 LiteLab</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LiteLab</source>
        <translation>关于 LiteLab(&amp;A)</translation>
    </message>
    <message>
        <source>Show the version of LiteLab</source>
        <translation>显示 LiteLab 的版本</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
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
        <translation>打开模型</translation>
    </message>
    <message>
        <source>TensorFlow Lite models (*.tflite);;All files (*)</source>
        <translation>TensorFlow Lite 模型 (*.tflite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About LiteLab</source>
        <translation>关于 LiteLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;A workbench for TensorFlow Lite models: inspect, convert, quantize, run and compare them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;TensorFlow Lite 模型工作台：检查、转换、量化、运行和比较模型。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>litelab::ui::RecentFiles</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <extracomment>A File &gt; Open Recent entry: %1 is its number (the keyboard accelerator), %2 the file name.</extracomment>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::DumpView</name>
    <message>
        <source>Open a TensorFlow Lite model to see its structure here.</source>
        <translation>打开 TensorFlow Lite 模型后，此处将显示其结构。</translation>
    </message>
    <message>
        <source>Model dump</source>
        <translation>模型转储</translation>
    </message>
</context>
</TS>
