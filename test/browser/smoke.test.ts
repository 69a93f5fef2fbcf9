import { expect } from '@open-wc/testing';
import ELK from 'elkjs/lib/elk.bundled.js';

describe('browser toolchain', () => {
  it('loads elkjs and lays out a graph', async () => {
    const elk = new ELK();
    const out = await elk.layout({
      id: 'root',
      children: [
        { id: 'a', width: 10, height: 10 },
        { id: 'b', width: 10, height: 10 },
      ],
      edges: [{ id: 'e', sources: ['a'], targets: ['b'] }],
    });
    expect(out.children?.length).to.equal(2);
    expect(out.children?.[1]?.x).to.be.greaterThan(0);
  });
});
