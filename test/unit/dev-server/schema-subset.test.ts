// The dev server schema is a strict subset of the real Fluss SDL: every type, field, argument
// (type and default), enum value, interface, union member and nullability is equal to the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { DEV_SCHEMA_SDL } from '../../../dev-server/graphql.js';
import { realSdl, SKIP_NO_SHARED } from './support.js';

const sdl = realSdl();

function kindOf(t: GraphQLNamedType): string {
  return isObjectType(t) ? 'object' : isInterfaceType(t) ? 'interface' : isUnionType(t) ? 'union' : isEnumType(t) ? 'enum' : isInputObjectType(t) ? 'input' : isScalarType(t) ? 'scalar' : '?';
}

/** Returns every difference that breaks the subset relation (empty when it holds). */
function subsetProblems(dev: GraphQLSchema, real: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const [name, devType] of Object.entries(dev.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const realType = real.getType(name);
    if (!realType) {
      problems.push(`type ${name} is not in the real SDL`);
      continue;
    }
    if (kindOf(devType) !== kindOf(realType)) {
      problems.push(`${name}: ${kindOf(devType)} here, ${kindOf(realType)} in the real SDL`);
      continue;
    }
    if ((isObjectType(devType) || isInterfaceType(devType)) && (isObjectType(realType) || isInterfaceType(realType))) {
      const devIfaces = devType.getInterfaces().map((i) => i.name).sort();
      const realIfaces = realType.getInterfaces().map((i) => i.name).sort();
      if (devIfaces.join() !== realIfaces.join()) problems.push(`${name}: implements [${devIfaces}] here, [${realIfaces}] in the real SDL`);
      const realFields = realType.getFields();
      for (const [fname, f] of Object.entries(devType.getFields())) {
        const rf = realFields[fname];
        if (!rf) {
          problems.push(`${name}.${fname} is not in the real SDL`);
          continue;
        }
        if (String(f.type) !== String(rf.type)) problems.push(`${name}.${fname}: ${String(f.type)} here, ${String(rf.type)} real`);
        const realArgs = new Map(rf.args.map((a) => [a.name, a]));
        for (const a of f.args) {
          const ra = realArgs.get(a.name);
          if (!ra) problems.push(`${name}.${fname}(${a.name}) is not in the real SDL`);
          else {
            if (String(a.type) !== String(ra.type)) problems.push(`${name}.${fname}(${a.name}): ${String(a.type)} here, ${String(ra.type)} real`);
            if (JSON.stringify(a.defaultValue) !== JSON.stringify(ra.defaultValue)) problems.push(`${name}.${fname}(${a.name}) default differs`);
          }
        }
        // A required real argument must be declared here too, or our documents would not be valid there.
        for (const ra of rf.args) {
          if (isNonNullType(ra.type) && ra.defaultValue === undefined && !f.args.some((a) => a.name === ra.name)) {
            problems.push(`${name}.${fname} lacks the required argument ${ra.name}`);
          }
        }
      }
    } else if (isUnionType(devType) && isUnionType(realType)) {
      const realMembers = new Set(realType.getTypes().map((t) => t.name));
      for (const m of devType.getTypes()) if (!realMembers.has(m.name)) problems.push(`union ${name} member ${m.name} is not real`);
    } else if (isEnumType(devType) && isEnumType(realType)) {
      const realValues = new Set(realType.getValues().map((v) => v.name));
      for (const v of devType.getValues()) if (!realValues.has(v.name)) problems.push(`enum ${name}.${v.name} is not real`);
    } else if (isInputObjectType(devType) && isInputObjectType(realType)) {
      if (devType.isOneOf !== realType.isOneOf) problems.push(`input ${name}: @oneOf differs`);
      const realFields = realType.getFields();
      const devFields = devType.getFields();
      for (const [fname, f] of Object.entries(devFields)) {
        const rf = realFields[fname];
        if (!rf) problems.push(`input ${name}.${fname} is not in the real SDL`);
        else {
          if (String(f.type) !== String(rf.type)) problems.push(`input ${name}.${fname}: ${String(f.type)} here, ${String(rf.type)} real`);
          if (JSON.stringify(f.defaultValue) !== JSON.stringify(rf.defaultValue)) problems.push(`input ${name}.${fname} default differs`);
        }
      }
      for (const [fname, rf] of Object.entries(realFields)) {
        if (isNonNullType(rf.type) && rf.defaultValue === undefined && !devFields[fname]) problems.push(`input ${name} lacks the required field ${fname}`);
      }
    }
  }
  for (const op of ['getQueryType', 'getMutationType', 'getSubscriptionType'] as const) {
    const d = dev[op]();
    const r = real[op]();
    if (d && (!r || d.name !== r.name)) problems.push(`${op}: root type name differs`);
  }
  return problems;
}

test('the dev server schema is a subset of the real Fluss SDL', { skip: sdl ? false : SKIP_NO_SHARED }, () => {
  const problems = subsetProblems(buildSchema(DEV_SCHEMA_SDL), buildSchema(sdl!));
  assert.deepEqual(problems, []);
});

test('the subset check catches a changed nullability, a foreign field and a foreign enum value', { skip: sdl ? false : SKIP_NO_SHARED }, () => {
  const broken = DEV_SCHEMA_SDL.replace('  t: Int!\n  causedBy', '  t: Int\n  causedBy')
    .replace('type StreamItem {', 'type StreamItem {\n  extra: String')
    .replace('enum RunStatus {', 'enum RunStatus {\n  FAILED');
  const problems = subsetProblems(buildSchema(broken), buildSchema(sdl!));
  assert.ok(problems.some((p) => p.startsWith('RunEvent.t')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('StreamItem.extra')));
  assert.ok(problems.some((p) => p.includes('RunStatus.FAILED')));
});

test('the dev schema serves the operations the brief names', () => {
  const dev = buildSchema(DEV_SCHEMA_SDL);
  const q = Object.keys(dev.getQueryType()!.getFields()).sort();
  assert.deepEqual(q, ['eventsBetween', 'flow', 'flows', 'run', 'runs', 'snapshot']);
  assert.deepEqual(Object.keys(dev.getMutationType()!.getFields()).sort(), ['closeRun', 'createRun', 'snapshot', 'track']);
  assert.deepEqual(Object.keys(dev.getSubscriptionType()!.getFields()), ['events']);
});
