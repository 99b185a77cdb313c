/**
 * What every part of camdash's JSON API shares: the {@link io.camdash.api.ApiController}
 * annotation and version prefix, errors as problem details, and the OpenAPI description.
 * The controllers themselves live with their features ({@code CamerasApiController},
 * {@code PicturesApiController}, {@code NotesApiController}).
 */
@NullMarked
package io.camdash.api;

import org.jspecify.annotations.NullMarked;
