'use strict';
// The loc files are AMD modules (`define([], function () { return {...}; })`) as SPFx wants them;
// jest loads them for real by turning the define() into a CommonJS export.
module.exports = {
  process(source) {
    return {
      code: 'function define(deps, factory) { module.exports = factory(); }\n' + source,
    };
  },
};
