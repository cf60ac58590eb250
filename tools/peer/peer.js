// The peer of `make report`: what a plain D3 page does to show the same map. It fetches the
// boundary file (converted to TopoJSON, same geometry) and one period's values, colours the
// first indicator in five quantile classes, and draws every district as one path.
(async () => {
  const [topo, values] = await Promise.all([
    fetch('map.topo.json').then((r) => r.json()),
    fetch('values.json').then((r) => r.json()),
  ]);
  const districts = topojson.feature(topo, topo.objects.districts);
  const indicator = Object.keys(values.values)[0];
  const bySlug = new Map(values.units.map((slug, i) => [slug, values.values[indicator][i]]));
  const numbers = [...bySlug.values()].filter((v) => typeof v === 'number');
  const colour = d3.scaleQuantile(numbers, d3.schemeBlues[5]);
  const path = d3.geoPath();
  d3.select('#map')
    .attr('viewBox', `0 0 ${topo.width} ${topo.height}`)
    .selectAll('path')
    .data(districts.features)
    .join('path')
    .attr('class', 'district')
    .attr('fill-rule', 'evenodd')
    .attr('d', path)
    .attr('fill', (d) => {
      const v = bySlug.get(d.id);
      return typeof v === 'number' ? colour(v) : '#ddd';
    });
})();
