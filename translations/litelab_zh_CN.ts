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
        <source>Unknown language &quot;%1&quot;; available: %2.</source>
        <translation>未知语言“%1”；可用语言：%2。</translation>
    </message>
    <message>
        <source>Models to open at start: .tflite, .h5, .keras or .onnx files.</source>
        <translation>启动时打开的模型：.tflite、.h5、.keras 或 .onnx 文件。</translation>
    </message>
    <message>
        <source>[models...]</source>
        <translation>[模型...]</translation>
    </message>
</context>
<context>
    <name>OperatorRows</name>
    <message>
        <source>Subgraph</source>
        <translation>子图</translation>
    </message>
    <message>
        <source>Opcode</source>
        <translation>操作码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Builtin code</source>
        <translation>内置代码</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Custom code</source>
        <translation>自定义代码</translation>
    </message>
    <message>
        <source>Builtin options</source>
        <translation>内置选项</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Custom options</source>
        <translation>自定义选项</translation>
    </message>
    <message>
        <source>FlexBuffer</source>
        <translation>FlexBuffer</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Intermediates</source>
        <translation>中间张量</translation>
    </message>
    <message>
        <source>Intermediate %1</source>
        <translation>中间张量 %1</translation>
    </message>
</context>
<context>
    <name>PanelText</name>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>-1: omitted</source>
        <translation>-1：已省略</translation>
    </message>
    <message>
        <source>T#%1 (no such tensor)</source>
        <translation>T#%1（不存在此张量）</translation>
    </message>
    <message>
        <source>(no such operator code %1)</source>
        <translation>（不存在操作码 %1）</translation>
    </message>
    <message>
        <source>per-axis along dimension %1, %2 channels</source>
        <translation>沿维度 %1 逐轴量化，%2 个通道</translation>
    </message>
    <message>
        <source>scale %1 zero point %2</source>
        <translation>缩放因子 %1，零点 %2</translation>
    </message>
</context>
<context>
    <name>TensorRows</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Subgraph</source>
        <translation>子图</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Shape signature</source>
        <translation>形状签名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>%1, constant</source>
        <translation>%1，常量</translation>
    </message>
    <message>
        <source>in external buffer %1</source>
        <translation>位于外部缓冲区 %1</translation>
    </message>
    <message>
        <source>computed at run time</source>
        <translation>运行时计算</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Sparse</source>
        <translation>稀疏</translation>
    </message>
    <message>
        <source>Traversal order</source>
        <translation>遍历顺序</translation>
    </message>
    <message>
        <source>Block map</source>
        <translation>块映射</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>min/max only</source>
        <translation>仅最小值/最大值</translation>
    </message>
    <message>
        <source>Quantized dimension</source>
        <translation>量化维度</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <source>Scale range</source>
        <translation>缩放因子范围</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>缩放因子</translation>
    </message>
    <message>
        <source>Zero points</source>
        <translation>零点</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>scale %1 zero point %2</source>
        <translation>缩放因子 %1，零点 %2</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放因子</translation>
    </message>
    <message>
        <source>Zero point</source>
        <translation>零点</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Custom details</source>
        <translation>自定义详情</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>none (graph input)</source>
        <translation>无（图输入）</translation>
    </message>
    <message>
        <source>none (constant)</source>
        <translation>无（常量）</translation>
    </message>
    <message>
        <source>none (variable)</source>
        <translation>无（变量）</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Consumer %1</source>
        <translation>消费者 %1</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Graph role</source>
        <translation>图中角色</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>input &apos;%1&apos;</source>
        <translation>输入“%1”</translation>
    </message>
    <message>
        <source>output &apos;%1&apos;</source>
        <translation>输出“%1”</translation>
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
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
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
        <source>About LiteLab</source>
        <translation>关于 LiteLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;A workbench for TensorFlow Lite models: inspect, convert, quantize, run and compare them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LiteLab %1&lt;/h3&gt;&lt;p&gt;TensorFlow Lite 模型工作台：检查、转换、量化、运行和比较模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opening canceled</source>
        <translation>已取消打开</translation>
    </message>
    <message>
        <source>Converted %1 from %2</source>
        <translation>已转换 %1（源格式：%2）</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite, Keras or ONNX model</source>
        <translation>打开 TensorFlow Lite、Keras 或 ONNX 模型</translation>
    </message>
    <message>
        <source>&amp;Close Model</source>
        <translation>关闭模型(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export Graph…</source>
        <translation>导出图(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the graph as a PNG or SVG picture</source>
        <translation>将图保存为 PNG 或 SVG 图片</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find in Graph…</source>
        <translation>在图中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find operators and tensors by type, name or index</source>
        <translation>按类型、名称或索引查找算子和张量</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Find in &amp;Dump…</source>
        <translation>在转储中查找(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Model Summary</source>
        <translation>模型摘要</translation>
    </message>
    <message>
        <source>Dump</source>
        <translation>转储</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening the models still being read</source>
        <translation>停止打开仍在读取的模型</translation>
    </message>
    <message>
        <source>Reading and converting…</source>
        <translation>正在读取和转换…</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite, Keras (.h5, .keras) or ONNX model with File ▸ Open, or drop model files here.</source>
        <translation>通过“文件 ▸ 打开”打开 TensorFlow Lite、Keras（.h5、.keras）或 ONNX 模型，或将模型文件拖放到此处。</translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Models (*.tflite *.h5 *.keras *.onnx);;TensorFlow Lite (*.tflite);;Keras (*.h5 *.keras);;ONNX (*.onnx);;All files (*)</source>
        <translation>模型 (*.tflite *.h5 *.keras *.onnx);;TensorFlow Lite (*.tflite);;Keras (*.h5 *.keras);;ONNX (*.onnx);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n note(s)</source>
        <translation>
            <numerusform>%1 — %n 条提示</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
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
    <name>litelab::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The system language is used unless you choose another one here.</source>
        <translation>除非在此处选择其他语言，否则将使用系统语言。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::DumpPanel</name>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Find in the dump</source>
        <translation>在转储中查找</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配项</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配项</translation>
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
<context>
    <name>litelab::viewers::GraphPanel</name>
    <message>
        <source>Subgraph #%1</source>
        <translation>子图 #%1</translation>
    </message>
    <message>
        <source>Subgraph #%1: %2</source>
        <translation>子图 #%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n ops)</source>
        <translation>
            <numerusform>%1（%n 个算子）</numerusform>
        </translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>Cannot Export Graph</source>
        <translation>无法导出图</translation>
    </message>
    <message>
        <source>&amp;Subgraph:</source>
        <translation>子图(&amp;S)：</translation>
    </message>
    <message>
        <source>Back to the previous subgraph</source>
        <translation>返回上一个子图</translation>
    </message>
    <message>
        <source>Find op, tensor, Op#3, T#12 (Ctrl+F)</source>
        <translation>查找算子、张量、Op#3、T#12（Ctrl+F）</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>下一个匹配项（F3、Enter）</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>放大（+、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>缩小（−）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the graph in the view (Ctrl+0)</source>
        <translation>缩放图以适应视图（Ctrl+0）</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Show the overview map</source>
        <translation>显示全局缩略图</translation>
    </message>
    <message>
        <source>Export the graph as PNG or SVG</source>
        <translation>将图导出为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Show what the colours and line styles mean</source>
        <translation>显示颜色和线型的含义</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::GraphView</name>
    <message>
        <source>%1: there is no graph to export</source>
        <translation>%1：没有可导出的图</translation>
    </message>
    <message>
        <source>%1: not enough memory for a %2×%3 picture</source>
        <translation>%1：内存不足，无法生成 %2×%3 的图片</translation>
    </message>
    <message>
        <source>%1: cannot write the picture (%2)</source>
        <translation>%1：无法写入图片（%2）</translation>
    </message>
    <message>
        <source>Model graph</source>
        <translation>模型图</translation>
    </message>
    <message>
        <source>Click to select, drag to pan, Ctrl+wheel to zoom, arrows to walk the graph.</source>
        <translation>单击选择，拖动平移，Ctrl+滚轮缩放，方向键在图中移动。</translation>
    </message>
    <message>
        <source>Convolution, dense</source>
        <translation>卷积、全连接</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Pooling, reduction</source>
        <translation>池化、归约</translation>
    </message>
    <message>
        <source>Element-wise</source>
        <translation>逐元素</translation>
    </message>
    <message>
        <source>Shape, layout</source>
        <translation>形状、布局</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Control flow</source>
        <translation>控制流</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Graph input, output</source>
        <translation>图输入、输出</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::HistogramWidget</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s)</source>
        <translation>
            <numerusform>%1：%n 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>real %1</source>
        <translation>实数值 %1</translation>
    </message>
    <message>
        <source>real %1 to %2</source>
        <translation>实数值 %1 至 %2</translation>
    </message>
    <message>
        <source>No histogram</source>
        <translation>无直方图</translation>
    </message>
    <message>
        <source>max %1 per bin</source>
        <translation>每个区间最多 %1 个</translation>
    </message>
    <message>
        <source>Histogram of the tensor&apos;s values</source>
        <translation>张量值的直方图</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::ModelSummaryPanel</name>
    <message>
        <source>Model summary</source>
        <translation>模型摘要</translation>
    </message>
    <message>
        <source>Open a TensorFlow Lite model to see its summary here.</source>
        <translation>打开 TensorFlow Lite 模型后，此处将显示其摘要。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schema 版本</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Subgraphs</source>
        <translation>子图</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Subgraph %1</source>
        <translation>子图 %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message numerus="yes">
        <source>%n operator(s)</source>
        <translation>
            <numerusform>%n 个算子</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n 个张量</numerusform>
        </translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Constant data</source>
        <translation>常量数据</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>subgraph %1</source>
        <translation>子图 %1</translation>
    </message>
    <message>
        <source>Signature inputs</source>
        <translation>签名输入</translation>
    </message>
    <message>
        <source>Signature outputs</source>
        <translation>签名输出</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>buffer %1, %2</source>
        <translation>缓冲区 %1，%2</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::PropertiesPanel</name>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Select an operator or a tensor to see its properties.</source>
        <translation>选择算子或张量以查看其属性。</translation>
    </message>
    <message>
        <source>Subgraph %1 has no operator %2.</source>
        <translation>子图 %1 中没有算子 %2。</translation>
    </message>
    <message>
        <source>Subgraph %1 has no tensor %2.</source>
        <translation>子图 %1 中没有张量 %2。</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::PropertyTree</name>
    <message>
        <source>Double-click to select this operator</source>
        <translation>双击以选择此算子</translation>
    </message>
    <message>
        <source>Double-click to select this tensor</source>
        <translation>双击以选择此张量</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::TensorInspector</name>
    <message>
        <source>There is no tensor T#%1 in subgraph %2.</source>
        <translation>子图 %2 中没有张量 T#%1。</translation>
    </message>
    <message>
        <source>No tensor selected.</source>
        <translation>未选择张量。</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>not quantized</source>
        <translation>未量化</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>quantized: scale %1, zero point %2</source>
        <translation>已量化：缩放因子 %1，零点 %2</translation>
    </message>
    <message>
        <source>quantized per channel along dimension %1: %2 scales from %3 to %4, zero points %5</source>
        <translation>沿维度 %1 逐通道量化：%2 个缩放因子，范围 %3 至 %4，零点 %5</translation>
    </message>
    <message>
        <source>range %1 to %2 (not quantized)</source>
        <translation>范围 %1 至 %2（未量化）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; T#%2&lt;br&gt;shape %3, %4, %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; T#%2&lt;br&gt;形状 %3，%4，%5</translation>
    </message>
    <message>
        <source>T#%1 is computed at run time; it has no stored values</source>
        <translation>T#%1 在运行时计算，没有存储的值</translation>
    </message>
    <message>
        <source>T#%1 is stored in a sparse (compressed) format; its values are not shown</source>
        <translation>T#%1 以稀疏（压缩）格式存储，不显示其值</translation>
    </message>
    <message>
        <source>T#%1 holds %2 values, which the inspector does not show</source>
        <translation>T#%1 包含 %2 类型的值，检查器不显示此类值</translation>
    </message>
    <message>
        <source>The values of T#%1 cannot be read: %2</source>
        <translation>无法读取 T#%1 的值：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n string(s); strings have no statistics</source>
        <translation>
            <numerusform>%n 个字符串；字符串没有统计信息</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>存储值</translation>
    </message>
    <message>
        <source>Real</source>
        <translation>实数值</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Sparsity</source>
        <translation>稀疏度</translation>
    </message>
    <message>
        <source>%1% (%2 zeros)</source>
        <translation>%1%（%2 个零）</translation>
    </message>
    <message>
        <source>NaN or infinite</source>
        <translation>NaN 或无穷大</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>无数据行</translation>
    </message>
    <message>
        <source>Rows %1 to %2 of %3</source>
        <translation>第 %1 至 %2 行，共 %3 行</translation>
    </message>
    <message>
        <source>Export Values as NumPy Array</source>
        <translation>将值导出为 NumPy 数组</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <source>Export Values as CSV</source>
        <translation>将值导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1: the tensor shown has no stored values to export</source>
        <translation>%1：所显示的张量没有可导出的存储值</translation>
    </message>
    <message>
        <source>Real values</source>
        <translation>实数值</translation>
    </message>
    <message>
        <source>Stored integers</source>
        <translation>存储的整数</translation>
    </message>
    <message>
        <source>&amp;Copy Page</source>
        <translation>复制本页(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the rows of this page as tab-separated text</source>
        <translation>将本页的行复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>Write the values as shown, one table row per line</source>
        <translation>按显示方式写出值，每个表格行占一行</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <source>Tensor inspector</source>
        <translation>张量检查器</translation>
    </message>
    <message numerus="yes">
        <source>Counting %n value(s)…</source>
        <translation>
            <numerusform>正在统计 %n 个值…</numerusform>
        </translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>Export .&amp;npy…</source>
        <translation>导出 .npy(&amp;N)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>litelab::viewers::TensorTableModel</name>
    <message>
        <source>%1: stored %2, real %3 (channel %4: scale %5, zero point %6)</source>
        <translation>%1：存储值 %2，实数值 %3（通道 %4：缩放因子 %5，零点 %6）</translation>
    </message>
    <message>
        <source>%1: stored %2, real %3 (scale %4, zero point %5)</source>
        <translation>%1：存储值 %2，实数值 %3（缩放因子 %4，零点 %5）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
</context>
</TS>
