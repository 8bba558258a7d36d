/** Stylesheets are imported for their effect (the build bundles them); they export nothing. */
declare module '*.css';
