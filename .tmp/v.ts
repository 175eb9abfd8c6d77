import * as P from "../src/paper";
import * as L from "../src/lib";
const { study } = P.loadStudy({});
console.log(L.coxZph(P.coxTable6Fit(study)).global.pValue, P.coxTable6(study, { reading: "one-year" })[0].b);
console.log(P.checkGrimmer(P.loadRegistry(), "s4.1.age.mean").verdict);
