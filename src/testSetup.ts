/**
 * Property tests draw from one fixed seed so a CI run is reproducible; set FC_SEED to explore
 * other parts of the input space (a failure prints the seed and path to replay it).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? 20261121 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed });
