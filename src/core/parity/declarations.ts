/** How a row names the App Host declaration it checks: the one definition lives in the model. */
export { declarationOf } from '../model/declaration';
