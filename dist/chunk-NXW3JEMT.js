import { createRequire as __csl_createRequire } from 'node:module'; const require = __csl_createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-C35IIKAS.js";
import "./chunk-HTOHVBLT.js";
export default require_dist();
