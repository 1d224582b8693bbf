// Optimizers: the first three updates against TF1's formulas (float64 by hand), slots, minimize's op, global step, errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as tf from '../../src/index.ts';
import { assertClose, assertThrows, fresh, TEST_BACKENDS } from '../helpers.ts';

const W0 = [1.0, -2.0, 0.5];
const C = [0.5, 1.5, 2.0];

function withSession<T>(backend: string, fn: (s: tf.Session) => T): T {
  const s = new tf.Session({ backend });
  try {
    return fn(s);
  } finally {
    s.close();
  }
}

/** loss = Σ c·W² (gradient 2cW, so it changes every step). */
function quadraticLoss(W: tf.Variable): tf.Tensor {
  return tf.reduce_sum(tf.multiply(tf.constant(C), tf.multiply(W, W)));
}

type Hand = (w: number[], g: number[], state: Record<string, number[]>, step: number) => void;

/** Runs `steps` hand-computed updates of W under the quadratic loss. */
function byHand(steps: number, init: (n: number) => Record<string, number[]>, update: Hand): number[][] {
  const w = [...W0];
  const state = init(w.length);
  const out: number[][] = [];
  for (let t = 1; t <= steps; t++) {
    const g = w.map((wi, i) => 2 * C[i] * wi);
    update(w, g, state, t);
    out.push([...w]);
  }
  return out;
}

const zeros = (n: number) => new Array(n).fill(0);
const fill = (n: number, v: number) => new Array(n).fill(v);

interface Case {
  name: string;
  make: () => tf.train.Optimizer;
  slots: Record<string, [string, number]>; // slot name -> [variable name, initial value]
  init: (n: number) => Record<string, number[]>;
  update: Hand;
}

const CASES: Case[] = [
  {
    name: 'GradientDescent', make: () => new tf.train.GradientDescentOptimizer(0.1), slots: {},
    init: () => ({}), update: (w, g) => { for (let i = 0; i < w.length; i++) w[i] -= 0.1 * g[i]; },
  },
  {
    name: 'Momentum', make: () => new tf.train.MomentumOptimizer(0.1, 0.9),
    slots: { momentum: ['W/Momentum', 0] },
    init: (n) => ({ a: zeros(n) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) { s.a[i] = 0.9 * s.a[i] + g[i]; w[i] -= 0.1 * s.a[i]; }
    },
  },
  {
    name: 'Momentum (nesterov)', make: () => new tf.train.MomentumOptimizer(0.1, 0.9, { use_nesterov: true }),
    slots: { momentum: ['W/Momentum', 0] },
    init: (n) => ({ a: zeros(n) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) { s.a[i] = 0.9 * s.a[i] + g[i]; w[i] -= 0.1 * g[i] + 0.1 * 0.9 * s.a[i]; }
    },
  },
  {
    name: 'Adagrad', make: () => new tf.train.AdagradOptimizer(0.1),
    slots: { accumulator: ['W/Adagrad', 0.1] },
    init: (n) => ({ acc: fill(n, 0.1) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) { s.acc[i] += g[i] * g[i]; w[i] -= 0.1 * g[i] / Math.sqrt(s.acc[i]); }
    },
  },
  {
    name: 'Adam', make: () => new tf.train.AdamOptimizer(0.1),
    slots: { m: ['W/Adam', 0], v: ['W/Adam_1', 0] },
    init: (n) => ({ m: zeros(n), v: zeros(n) }),
    update: (w, g, s, t) => {
      const lrT = 0.1 * Math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t);
      for (let i = 0; i < w.length; i++) {
        s.m[i] += (g[i] - s.m[i]) * (1 - 0.9);
        s.v[i] += (g[i] * g[i] - s.v[i]) * (1 - 0.999);
        w[i] -= lrT * s.m[i] / (Math.sqrt(s.v[i]) + 1e-8);
      }
    },
  },
  {
    name: 'RMSProp', make: () => new tf.train.RMSPropOptimizer(0.01),
    slots: { rms: ['W/RMSProp', 1], momentum: ['W/RMSProp_1', 0] },
    init: (n) => ({ ms: fill(n, 1), mom: zeros(n) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) {
        s.ms[i] += (g[i] * g[i] - s.ms[i]) * (1 - 0.9);
        s.mom[i] = 0 * s.mom[i] + 0.01 * g[i] / Math.sqrt(s.ms[i] + 1e-10);
        w[i] -= s.mom[i];
      }
    },
  },
  {
    name: 'RMSProp (momentum)', make: () => new tf.train.RMSPropOptimizer(0.01, { decay: 0.8, momentum: 0.5 }),
    slots: { rms: ['W/RMSProp', 1], momentum: ['W/RMSProp_1', 0] },
    init: (n) => ({ ms: fill(n, 1), mom: zeros(n) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) {
        s.ms[i] += (g[i] * g[i] - s.ms[i]) * (1 - 0.8);
        s.mom[i] = 0.5 * s.mom[i] + 0.01 * g[i] / Math.sqrt(s.ms[i] + 1e-10);
        w[i] -= s.mom[i];
      }
    },
  },
  {
    name: 'RMSProp (centered, momentum)', make: () => new tf.train.RMSPropOptimizer(0.01, { centered: true, momentum: 0.5 }),
    slots: { rms: ['W/RMSProp', 1], mg: ['W/RMSProp_1', 0], momentum: ['W/RMSProp_2', 0] },
    init: (n) => ({ ms: fill(n, 1), mg: zeros(n), mom: zeros(n) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) {
        s.mg[i] += (g[i] - s.mg[i]) * (1 - 0.9);
        s.ms[i] += (g[i] * g[i] - s.ms[i]) * (1 - 0.9);
        s.mom[i] = 0.5 * s.mom[i] + 0.01 * g[i] / Math.sqrt(s.ms[i] - s.mg[i] * s.mg[i] + 1e-10);
        w[i] -= s.mom[i];
      }
    },
  },
  {
    name: 'Adadelta', make: () => new tf.train.AdadeltaOptimizer(1.0),
    slots: { accum: ['W/Adadelta', 0], accum_update: ['W/Adadelta_1', 0] },
    init: (n) => ({ acc: zeros(n), upd: zeros(n) }),
    update: (w, g, s) => {
      for (let i = 0; i < w.length; i++) {
        s.acc[i] = 0.95 * s.acc[i] + 0.05 * g[i] * g[i];
        const u = Math.sqrt(s.upd[i] + 1e-8) / Math.sqrt(s.acc[i] + 1e-8) * g[i];
        s.upd[i] = 0.95 * s.upd[i] + 0.05 * u * u;
        w[i] -= 1.0 * u;
      }
    },
  },
];

for (const c of CASES) {
  for (const backend of TEST_BACKENDS) {
    test(`${c.name} on ${backend}: three updates match the formula`, () => {
      fresh(() => {
        const W = tf.Variable(W0, { name: 'W' });
        const opt = c.make();
        const train = opt.minimize(quadraticLoss(W));
        const expected = byHand(3, c.init, c.update);
        withSession(backend, (s) => {
          s.run(tf.global_variables_initializer());
          for (let t = 0; t < 3; t++) {
            assert.is(s.run(train), null);
            assertClose(s.run(W), expected[t], 1e-5, `${c.name} step ${t + 1}`);
          }
        });
      });
    });
  }

  test(`${c.name}: slots, names and initial values`, () => {
    fresh(() => {
      const W = tf.Variable(W0, { name: 'W' });
      const opt = c.make();
      const train = opt.minimize(quadraticLoss(W));
      assert.equal(opt.get_slot_names(), Object.keys(c.slots).sort());
      const optName = c.name.split(' ')[0];
      assert.is(train.name, optName);
      assert.ok(tf.get_default_graph().get_collection(tf.GraphKeys.TRAIN_OP).includes(train));
      withSession('cpu', (s) => {
        s.run(tf.global_variables_initializer());
        for (const [slot, [varName, init]] of Object.entries(c.slots)) {
          const v = opt.get_slot(W, slot);
          assert.ok(v, `slot ${slot}`);
          assert.is(v!.op.name, varName);
          assert.is(v!.name, `${varName}:0`);
          assert.ok(!tf.trainable_variables().includes(v!), `${varName} must not be trainable`);
          assert.ok(tf.global_variables().includes(v!));
          assertClose(s.run(v), W0.map(() => init));
        }
      });
      assert.is(opt.get_slot(W, 'nope'), null);
    });
  });
}

test('Adam: beta1_power/beta2_power start at beta and multiply after each step', () => {
  fresh(() => {
    const W = tf.Variable(W0, { name: 'W' });
    const opt = new tf.train.AdamOptimizer(0.1, { beta1: 0.8, beta2: 0.9 });
    const train = opt.minimize(quadraticLoss(W));
    const names = tf.global_variables().map((v: tf.Variable) => v.op.name);
    assert.ok(names.includes('beta1_power') && names.includes('beta2_power'), names.join(' '));
    const b1 = tf.global_variables().find((v: tf.Variable) => v.op.name === 'beta1_power')!;
    const b2 = tf.global_variables().find((v: tf.Variable) => v.op.name === 'beta2_power')!;
    withSession('cpu', (s) => {
      s.run(tf.global_variables_initializer());
      assertClose(s.run([b1, b2]), [0.8, 0.9]);
      s.run(train);
      assertClose(s.run([b1, b2]), [0.64, 0.81]);
      s.run(train);
      assertClose(s.run([b1, b2]), [0.512, 0.729]);
    });
  });
});

test('two variables get their own slots; loss gradients use the values before the step', () => {
  fresh(() => {
    const a = tf.Variable([1, 2], { name: 'a' });
    const b = tf.Variable([3], { name: 'b' });
    // loss = Σ a·b  → da = b, db = Σ a
    const loss = tf.reduce_sum(tf.multiply(a, b));
    const opt = new tf.train.MomentumOptimizer(0.1, 0.5);
    const train = opt.minimize(loss);
    assert.is(opt.get_slot(a, 'momentum')!.op.name, 'a/Momentum');
    assert.is(opt.get_slot(b, 'momentum')!.op.name, 'b/Momentum');
    withSession('cpu', (s) => {
      s.run(tf.global_variables_initializer());
      s.run(train);
      assertClose(s.run(a), [1 - 0.3, 2 - 0.3]);
      assertClose(s.run(b), [3 - 0.3]);
    });
  });
});

test('update ops are named <opt>/update_<var>/Apply*', () => {
  fresh(() => {
    const W = tf.Variable(W0, { name: 'W' });
    new tf.train.GradientDescentOptimizer(0.1).minimize(quadraticLoss(W));
    const names = tf.get_default_graph().get_operations().map((o: tf.Operation) => o.name);
    assert.ok(names.includes('GradientDescent/update_W/ApplyGradientDescent'), names.join(' '));
    assert.ok(names.includes('GradientDescent/learning_rate'), names.join(' '));
  });
});

test('global_step increments once per minimize run; the op is named after the optimizer', () => {
  fresh(() => {
    const W = tf.Variable(W0, { name: 'W' });
    const gs = tf.train.get_or_create_global_step();
    assert.is(gs.op.name, 'global_step');
    const train = new tf.train.AdamOptimizer(0.1).minimize(quadraticLoss(W), { global_step: gs });
    assert.is(train.name, 'Adam');
    assert.ok(tf.get_default_graph().get_collection(tf.GraphKeys.TRAIN_OP).includes(train));
    withSession('cpu', (s) => {
      s.run(tf.global_variables_initializer());
      assert.is(Number(s.run(gs)), 0);
      assert.is(s.run(train), null);
      s.run(train);
      s.run(train);
      assert.is(Number(s.run(gs)), 3);
    });
    // a classic int32 tf.Variable(0) global step
    const gs2 = tf.Variable(0, { trainable: false, name: 'step' });
    const train2 = new tf.train.GradientDescentOptimizer(0.1).minimize(quadraticLoss(W), { global_step: gs2, name: 'sgd' });
    assert.is(train2.name, 'sgd');
    withSession('wasm', (s) => {
      s.run(tf.global_variables_initializer());
      s.run(train2);
      s.run(train2);
      assert.is(Number(s.run(gs2)), 2);
    });
  });
});

test('errors: no variables; no gradients for any variable', () => {
  fresh(() => {
    const x = tf.constant([1, 2]);
    assertThrows(() => new tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_sum(x)), 'No variables to optimize.');
    const W = tf.Variable(W0, { name: 'W' });
    tf.Variable(W0, { name: 'V' });
    const loss = tf.reduce_sum(tf.multiply(x, 3));
    assertThrows(() => new tf.train.GradientDescentOptimizer(0.1).minimize(loss), 'No gradients provided for any variable', 'W', 'V');
    // stop_gradient also gives none
    const loss2 = tf.reduce_sum(tf.stop_gradient(tf.multiply(W, 2)));
    assertThrows(() => new tf.train.AdamOptimizer().minimize(loss2), 'No gradients provided for any variable');
    // an explicit empty var_list
    assertThrows(() => new tf.train.AdamOptimizer().minimize(quadraticLoss(W), { var_list: [] }), 'No variables to optimize.');
    // Adagrad's accumulator must be positive
    assertThrows(() => new tf.train.AdagradOptimizer(0.1, { initial_accumulator_value: 0 }), 'initial_accumulator_value');
  });
});

test('compute_gradients includes (null, var) pairs; apply_gradients skips them', () => {
  fresh(() => {
    const W = tf.Variable(W0, { name: 'W' });
    const U = tf.Variable([5], { name: 'U' });
    const opt = new tf.train.GradientDescentOptimizer(0.5);
    const pairs = opt.compute_gradients(quadraticLoss(W));
    assert.is(pairs.length, 2);
    assert.ok(pairs[0][0] !== null);
    assert.is(pairs[0][1], W);
    assert.is(pairs[1][0], null);
    assert.is(pairs[1][1], U);
    const train = opt.apply_gradients(pairs);
    withSession('cpu', (s) => {
      s.run(tf.global_variables_initializer());
      s.run(train);
      assertClose(s.run(W), W0.map((w, i) => w - 0.5 * 2 * C[i] * w));
      assertClose(s.run(U), [5]);
    });
  });
});

test('apply_gradients with a fixed gradient tensor', () => {
  fresh(() => {
    const W = tf.Variable([1, 1], { name: 'W' });
    const train = new tf.train.GradientDescentOptimizer(0.25).apply_gradients([[tf.constant([1, -2]), W]]);
    withSession('cpu', (s) => {
      s.run(tf.global_variables_initializer());
      s.run(train);
      s.run(train);
      assertClose(s.run(W), [0.5, 2]);
    });
  });
});

test('var_list restricts the updated variables', () => {
  fresh(() => {
    const a = tf.Variable([1], { name: 'a' });
    const b = tf.Variable([2], { name: 'b' });
    const loss = tf.reduce_sum(tf.multiply(a, b));
    const train = new tf.train.GradientDescentOptimizer(1).minimize(loss, { var_list: [a] });
    withSession('cpu', (s) => {
      s.run(tf.global_variables_initializer());
      s.run(train);
      assertClose(s.run([a, b]), [[-1], [2]]);
    });
  });
});

test('learning rate as a fed placeholder', () => {
  for (const backend of TEST_BACKENDS) {
    fresh(() => {
      const W = tf.Variable([1, 1], { name: 'W' });
      const lr = tf.placeholder('float32', [], { name: 'lr' });
      const loss = tf.reduce_sum(tf.multiply(W, tf.constant([1, 2])));
      const train = new tf.train.GradientDescentOptimizer(lr).minimize(loss);
      withSession(backend, (s) => {
        s.run(tf.global_variables_initializer());
        s.run(train, { feed_dict: new Map([[lr, 0.5]]) });
        assertClose(s.run(W), [0.5, 0]);
        s.run(train, { feed_dict: [[lr, 0.1]] });
        assertClose(s.run(W), [0.4, -0.2]);
        assertThrows(() => s.run(train), 'lr');
      });
    });
  }
});

test('uninitialised slots until global_variables_initializer runs after minimize', () => {
  fresh(() => {
    const W = tf.Variable(W0, { name: 'W' });
    const init = tf.global_variables_initializer();
    const train = new tf.train.AdamOptimizer(0.1).minimize(quadraticLoss(W));
    withSession('cpu', (s) => {
      s.run(init);
      assertThrows(() => s.run(train), 'uninitialized');
      s.run(tf.global_variables_initializer());
      s.run(train);
    });
  });
});

test('a second Adam gets beta1_power_1 and slots W/Adam_2, W/Adam_3', () => {
  fresh(() => {
    const W = tf.Variable(W0, { name: 'W' });
    new tf.train.AdamOptimizer(0.1).minimize(quadraticLoss(W));
    const opt2 = new tf.train.AdamOptimizer(0.1);
    opt2.minimize(quadraticLoss(W));
    const names = tf.global_variables().map((v: tf.Variable) => v.op.name);
    assert.ok(names.includes('beta1_power_1'), names.join(' '));
    assert.is(opt2.get_slot(W, 'm')!.op.name, 'W/Adam_2');
    assert.is(opt2.get_slot(W, 'v')!.op.name, 'W/Adam_3');
  });
});

test('minimize inside a name scope: the slots stay at the root', () => {
  fresh(() => {
    const W = tf.variable_scope('layer', () => tf.get_variable('W', [3], { initializer: tf.constant_initializer(1) }));
    const opt = new tf.train.MomentumOptimizer(0.1, 0.9);
    tf.name_scope('train', () => opt.minimize(tf.reduce_sum(tf.multiply(W, W))));
    assert.is(opt.get_slot(W, 'momentum')!.op.name, 'layer/W/Momentum');
  });
});

test('float64 variables: hyper-parameters and beta powers are cast to the variable dtype', () => {
  for (const c of CASES) {
    fresh(() => {
      const W = tf.Variable(W0, { name: 'W', dtype: 'float64' });
      const train = c.make().minimize(tf.reduce_sum(tf.multiply(tf.constant(C, { dtype: 'float64' }), tf.multiply(W, W))));
      const expected = byHand(2, c.init, c.update);
      withSession('cpu', (s) => {
        s.run(tf.global_variables_initializer());
        s.run(train);
        s.run(train);
        const w = s.run(W);
        assert.is(w.dtype, 'float64');
        assertClose(w, expected[1], 1e-5, c.name);
      });
    });
  }
});

test.run();
