// Draws every <figure class="chart"> that the chart tag helper rendered: the figures come from its data-chart
// attribute, ECharts (bundled from npm into /lib/echarts) is loaded only on pages that have a chart.
const canvases = [...document.querySelectorAll('.chart-canvas[data-chart]')];

function load() {
  return new Promise((resolve, reject) => {
    if (window.echarts) { resolve(window.echarts); return; }
    const script = document.createElement('script');
    script.src = '/lib/echarts/echarts.min.js';
    script.onload = () => resolve(window.echarts);
    script.onerror = reject;
    document.head.append(script);
  });
}

function option(spec) {
  const stacked = spec.kind === 'stacked';
  return {
    tooltip: { trigger: 'axis' },
    legend: spec.series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: spec.series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: spec.unit, nameTextStyle: { align: 'left' } },
    series: spec.series.map(s => ({
      name: s.name,
      type: spec.kind === 'line' ? 'line' : 'bar',
      stack: stacked ? 'total' : undefined,
      data: s.values,
      connectNulls: false,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
      itemStyle: s.dashed && spec.kind !== 'line' ? { opacity: 0.5 } : undefined,
    })),
  };
}

if (canvases.length > 0) {
  load().then(echarts => {
    const charts = canvases.map(el => {
      const chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option(JSON.parse(el.dataset.chart)));
      return chart;
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  });
}
