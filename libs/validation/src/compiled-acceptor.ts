import {
  getFromContainer,
  getMetadataStorage,
  IS_OPTIONAL,
  MAX_LENGTH,
  type ValidationArguments,
} from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { TransformationType } from 'class-transformer';
import { atOneInstant } from '#lib/domain';

/**
 * A compiled check of a message class, generated once from the class's own class-validator
 * decorators (the one schema; nothing is written twice): it says whether a plain JSON value is
 * accepted, with the very validator functions the decorators run, but without building class
 * instances, error trees or promises.
 *
 * It only ever ACCEPTS what the ValidationPipe would accept (same constraints, same unknown-field
 * rule, same nesting); anything it does not accept goes to the pipe, which gives the same
 * verdict and the usual VALIDATION.FAILED with every field. So a fast path is
 * `accept(value) ? value : await pipe(value)` — `compiled-acceptor.spec.ts` checks on a corpus
 * that both agree. Classes using what it does not model (async or grouped validators,
 * `@Transform`, `@Expose`, …) are refused when compiling, so no class silently loses a rule.
 */
export type Acceptor = (value: unknown) => boolean;

/** A message class (any constructor: its decorators are what is read). */
export type MessageClass = abstract new (...args: never[]) => object;

interface Constraint {
  name: string;
  each: boolean;
  constraints: unknown[];
  validate: (value: unknown, args: ValidationArguments) => boolean;
  /** Reused for every value this rule checks (see the loop below). */
  args: ValidationArguments;
}

const EMPTY: object = Object.freeze({});

interface PropertyPlan {
  name: string;
  /** IsOptional: an undefined or null value is not checked (its condition, read without a call). */
  optional: boolean;
  /** Other conditions: when one is false the property is not checked. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  constraints: Constraint[];
  /** ValidateNested: the class of the value (or of each element). */
  nested?: { each: boolean; accept: Acceptor };
}

/** Per class: its check as nested checks call it, and as a message's own check (`compileAcceptor`). */
const compiled = new Map<MessageClass, Acceptor>();
const messageChecks = new Map<MessageClass, Acceptor>();

export function compileAcceptor(target: MessageClass): Acceptor {
  const known = messageChecks.get(target);
  if (known !== undefined) return known;
  const accept = nestedAcceptor(target);
  // One reading of the clock for the whole message (every date and NIK in it: `atOneInstant`).
  const check: Acceptor = (value) => atOneInstant(() => accept(value));
  messageChecks.set(target, check);
  return check;
}

function nestedAcceptor(target: MessageClass): Acceptor {
  const known = compiled.get(target);
  if (known !== undefined) return known;
  // Placeholder for self-referencing classes while compiling.
  let accept: Acceptor = () => false;
  compiled.set(target, (value) => accept(value));
  accept = build(target);
  compiled.set(target, accept);
  return accept;
}

/**
 * A built-in rule's answer without its full work where the answer is certain: MaxLength counts
 * a surrogate pair or a variation selector's pair as one character (validator's isLength), so a
 * string no longer than the limit in UTF-16 units is always within it, and only a longer one is
 * counted (it was a fifth of a batch's validation, two regular expressions per string).
 */
function withShortcut(name: string, constraints: unknown[], validate: Constraint['validate']): Constraint['validate'] {
  const [max] = constraints;
  if (name === MAX_LENGTH && typeof max === 'number') {
    return (value, args) => (typeof value === 'string' && value.length <= max) || validate(value, args);
  }
  return validate;
}

function unsupported(target: MessageClass, what: string): never {
  throw new Error(`compileAcceptor(${target.name}): ${what} is not supported; validate this class with the pipe`);
}

function build(target: MessageClass): Acceptor {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, '', true, false);
  if (
    defaultMetadataStorage.getExposedMetadatas(target).length > 0 ||
    defaultMetadataStorage.getExcludedMetadatas(target).length > 0
  ) {
    unsupported(target, '@Expose/@Exclude');
  }
  const plans = new Map<string, PropertyPlan>();
  const planOf = (name: string): PropertyPlan => {
    let plan = plans.get(name);
    if (plan === undefined) {
      plan = { name, optional: false, conditions: [], constraints: [] };
      plans.set(name, plan);
    }
    return plan;
  };
  for (const meta of metadatas) {
    if (meta.groups !== undefined && meta.groups.length > 0) unsupported(target, 'a validation group');
    if (meta.validateIf !== undefined) unsupported(target, 'a validateIf option');
    const plan = planOf(meta.propertyName);
    if (
      defaultMetadataStorage.findTransformMetadatas(target, meta.propertyName, TransformationType.PLAIN_TO_CLASS)
        .length > 0
    ) {
      unsupported(target, `@Transform on ${meta.propertyName}`);
    }
    switch (meta.type) {
      case 'conditionalValidation':
        // IsOptional's condition is `object[property] !== null && … !== undefined`.
        if (meta.name === IS_OPTIONAL) plan.optional = true;
        else plan.conditions.push(meta.constraints[0] as (object: object, value: unknown) => boolean);
        break;
      case 'customValidation': {
        const constraintCls = meta.constraintCls as new () => { validate: Constraint['validate'] };
        const [described] = storage.getTargetValidatorConstraints(constraintCls);
        if (described === undefined || described.async)
          unsupported(target, `an async validator on ${meta.propertyName}`);
        const instance = getFromContainer(constraintCls);
        const constraints = (meta.constraints as unknown[] | undefined) ?? [];
        plan.constraints.push({
          name: described.name,
          each: meta.each === true,
          constraints,
          validate: withShortcut(described.name, constraints, instance.validate.bind(instance)),
          args: { targetName: target.name, property: meta.propertyName, object: EMPTY, value: undefined, constraints },
        });
        break;
      }
      case 'nestedValidation': {
        const type = defaultMetadataStorage.findTypeMetadata(target, meta.propertyName);
        if (type === undefined) unsupported(target, `@ValidateNested without @Type on ${meta.propertyName}`);
        const nestedClass = type.typeFunction() as MessageClass;
        plan.nested = { each: meta.each === true, accept: nestedAcceptor(nestedClass) };
        break;
      }
      default:
        unsupported(target, `a ${meta.type} rule on ${meta.propertyName}`);
    }
  }
  const properties = [...plans.values()];
  const names = new Set(plans.keys());

  return (value: unknown): boolean => {
    // forbidUnknownValues: a message is an object; whitelist + forbidNonWhitelisted: no other keys.
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    for (const key in object) if (!Object.hasOwn(object, key) || !names.has(key)) return false;
    if (Object.getPrototypeOf(object) !== Object.prototype) return false;
    for (const plan of properties) {
      const property = object[plan.name];
      if (plan.optional && (property === undefined || property === null)) continue;
      let checked = true;
      for (const condition of plan.conditions) {
        if (!condition(object, property)) {
          checked = false;
          break;
        }
      }
      if (!checked) continue;
      for (const constraint of plan.constraints) {
        // The arguments object of this rule, filled for this value (validators are synchronous
        // and keep nothing): no object per rule and item, a batch of 1,000 has some 10,000.
        const args = constraint.args;
        args.object = object;
        args.value = property;
        let valid = true;
        if (constraint.each && Array.isArray(property)) {
          // class-validator checks each element of an array (or the value itself otherwise).
          for (const element of property) {
            if (!constraint.validate(element, args)) {
              valid = false;
              break;
            }
          }
        } else valid = constraint.validate(property, args);
        // Not kept alive by the compiled check once it has answered.
        args.object = EMPTY;
        args.value = undefined;
        if (!valid) return false;
      }
      // class-validator leaves an undefined nested value alone (like the pipe, not our rule).
      if (plan.nested !== undefined && property !== undefined) {
        if (plan.nested.each) {
          if (!Array.isArray(property)) return false;
          for (const element of property) if (!plan.nested.accept(element)) return false;
        } else if (!plan.nested.accept(property)) return false;
      }
    }
    return true;
  };
}
