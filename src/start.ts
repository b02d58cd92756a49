/** `npm start`: until the viewer exists, run the default analysis and print it. */
console.log('stackpress: scaffold in place; the default analysis arrives with the solver.');
