/**
 * The local Temporal the embedded default runs on: installing the pinned Temporal CLI into the
 * project's own folder ({@link dev.braid.deploy.TemporalCli}) and starting or reusing a dev server
 * whose state outlives every braid process ({@link dev.braid.deploy.DevServer}).
 */
package dev.braid.deploy;
