/** Large designs for the end-to-end test and the UI benchmark, built the same way in both. */

/** Clients → balancers → servers, laid out in columns: exactly `size` nodes. */
export function generatedDesign(size: number) {
  const groups = Math.max(1, Math.round(size / 20));
  const nodes: object[] = [];
  const edges: object[] = [];
  let left = size;
  let y0 = 0;
  for (let g = 0; g < groups && left > 2; g++) {
    const servers = g === groups - 1 ? left - 2 : Math.min(18, left - 2);
    nodes.push({ id: `c${g}`, kind: 'client', position: { x: 0, y: y0 }, params: { ratePerSecond: 400 } });
    nodes.push({ id: `lb${g}`, kind: 'loadBalancer', position: { x: 300, y: y0 }, params: { algorithm: 'leastConnections' } });
    edges.push({ id: `e-c${g}`, source: `c${g}`, target: `lb${g}` });
    for (let s = 0; s < servers; s++) {
      nodes.push({ id: `s${g}-${s}`, kind: 'server', position: { x: 600, y: y0 + s * 90 }, params: { workers: 2, serviceTimeMs: 5 } });
      edges.push({ id: `e-${g}-${s}`, source: `lb${g}`, target: `s${g}-${s}` });
    }
    left -= servers + 2;
    y0 += servers * 90 + 120;
  }
  return { format: 'archsim.design', version: 1, name: `Generated ${nodes.length} nodes`, seed: 1, nodes, edges };
}
