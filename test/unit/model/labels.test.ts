// Labels as Orkestrator shows them (spec 1.5, 1.3, 1.4) and JSON text handling.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fillTemplate,
  findJsonSyntaxError,
  identifierDisplayName,
  nodeDisplayTitle,
  normalizeWidgetKind,
  parseWorkflow,
  portTypeLabel,
  streamLabel,
} from '../../../src/model/index.js';
import type { Port } from '../../../src/model/index.js';

const P = (kind: string, extra: Partial<Port> = {}): Port => ({ key: 'k', kind, nullable: false, children: [], ...extra });

describe('port type labels', () => {
  it('scalars, identifiers, nullable', () => {
    assert.deepEqual(['INT', 'FLOAT', 'STRING', 'BOOL', 'DATE'].map((k) => portTypeLabel(P(k))), ['Int', 'Float', 'String', 'Bool', 'Date']);
    assert.equal(portTypeLabel(P('STRUCTURE', { identifier: '@mikro/representation' })), 'Representation');
    assert.equal(portTypeLabel(P('MODEL', { identifier: '@kabinet/release_definition', nullable: true })), '?Release Definition');
    assert.equal(portTypeLabel(P('MEMORY_STRUCTURE')), 'Memory Structure');
    assert.equal(identifierDisplayName('@mikro/omero-file'), 'Omero File');
    assert.equal(portTypeLabel(P('QUANTITY')), 'Quantity');
    assert.equal(portTypeLabel(P('UNSET')), 'unset');
  });
  it('LIST, DICT, UNION: long and compact', () => {
    const list = P('LIST', { children: [P('INT', { key: '0' })] });
    assert.equal(portTypeLabel(list), 'List of Int');
    assert.equal(portTypeLabel(list, { compact: true }), '[ Int ]');
    const dict = P('DICT', { nullable: true, children: [P('LIST', { children: [P('FLOAT')] })] });
    assert.equal(portTypeLabel(dict), '?Dict of List of Float');
    assert.equal(portTypeLabel(dict, { compact: true }), '?{ [ Float ] }');
    const union = P('UNION', { children: [P('INT'), P('STRUCTURE', { identifier: '@x/image' })] });
    assert.equal(portTypeLabel(union), 'Union of Int, Image');
    assert.equal(portTypeLabel(union, { compact: true }), 'Int | Image');
    assert.equal(portTypeLabel(P('LIST')), 'List of Any');
  });
  it('stream labels: ports joined by " | ", empty stream is "Event"', () => {
    assert.equal(streamLabel([]), 'Event');
    assert.equal(streamLabel([P('INT'), P('LIST', { children: [P('STRING')] })]), 'Int | [ String ]');
  });
  it('legacy widget kinds are normalized', () => {
    assert.deepEqual(
      ['SearchWidget', 'SliderWidget', 'ChoiceWidget', 'StringWidget', 'CustomWidget', 'ChoiceReturnWidget', 'StateChoiceWidget', 'SEARCH'].map(normalizeWidgetKind),
      ['SEARCH', 'SLIDER', 'CHOICE', 'STRING', 'CUSTOM', 'CHOICE', 'STATE_CHOICE', 'SEARCH'],
    );
  });
});

describe('titles', () => {
  it('templates are filled as plain text; a missing value shows the key name', () => {
    const m = new Map<string, unknown>([
      ['count', 3],
      ['name', '<b>x</b>'],
      ['obj', { a: 1 }],
      ['nil', null],
      ['constructor', 'C'],
    ]);
    assert.equal(fillTemplate('Buffer {{ count }} {{name}} {{ obj }} {{ nil }} {{ missing }} {{constructor}}', m), 'Buffer 3 <b>x</b> {"a":1} nil missing C');
    assert.equal(fillTemplate('{{ toString }}', new Map()), 'toString');
    assert.equal(fillTemplate('no template', m), 'no template');
  });
  it('display titles per node kind', () => {
    const wf = parseWorkflow({
      nodes: [
        { __typename: 'ArgNode', id: 'a', kind: 'ARGS', title: 'arg', ins: [[]], outs: [[]] },
        { __typename: 'ReturnNode', id: 'r', kind: 'RETURNS', title: 'ret', ins: [[]], outs: [[]] },
        { __typename: 'ReactiveNode', id: 'z', kind: 'REACTIVE', title: '', implementation: 'ZIP', ins: [[]], outs: [[]] },
        { __typename: 'ReactiveNode', id: 'p', kind: 'REACTIVE', title: 'Ports {{ __ports }}', implementation: 'ZIP', ins: [[{ key: 'x', kind: 'INT', nullable: false }], []], outs: [[]] },
        { __typename: 'ReactiveNode', id: 'b', kind: 'REACTIVE', title: 'Buffer {{ count }}', implementation: 'BUFFER_COUNT', constantsMap: { count: 5 }, ins: [[]], outs: [[]] },
        { __typename: 'RekuestMapActionNode', id: 'm', kind: 'REKUEST', title: '  ', ins: [[]], outs: [[]], description: 'Uses {{ k }}', constantsMap: { k: 'v' } },
        { __typename: 'AgentSubFlowNode', id: 'g', kind: 'AGENT_SUBFLOW', title: 'x', ins: [[]], outs: [[]], autoResolvable: false },
      ],
    }).workflow!;
    assert.deepEqual(wf.nodes.map((n) => n.title), ['Inputs', 'Outputs', 'ZIP', 'Ports Int, Event', 'Buffer 5', 'Action', 'any']);
    assert.equal(wf.nodes[5]!.description, 'Uses v');
    assert.equal(nodeDisplayTitle(wf.nodes[4]!), 'Buffer 5');
  });
});

describe('strict JSON scanner', () => {
  it('accepts valid JSON and locates errors', () => {
    assert.equal(findJsonSyntaxError('{"a": [1, 2.5e-3, true, null, "x\\u00e9"]}'), null);
    assert.deepEqual(findJsonSyntaxError('{"a": 01}') && { reason: findJsonSyntaxError('{"a": 01}')!.reason }, { reason: 'leading zeros are not allowed' });
    const e = findJsonSyntaxError('[\n1,\n2,\n]')!;
    assert.deepEqual([e.line, e.column, e.json5], [4, 1, true]);
    assert.equal(findJsonSyntaxError('"abc')!.reason, 'unterminated string');
    assert.equal(findJsonSyntaxError('{} x')!.reason, 'unexpected data after the JSON value');
    const deep = '['.repeat(200000) + ']'.repeat(200000);
    assert.equal(findJsonSyntaxError(deep), null, 'iterative: deep nesting does not overflow');
  });
});
