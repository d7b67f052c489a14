package io.ridestream.producer.replay;

/**
 * A state-changing request that a page on another site could have made a browser send: it has neither the
 * {@value ReplayController#REQUESTED_BY_HEADER} header nor a content type a browser would ask the service about.
 */
class CrossSiteRequestException extends RuntimeException {

	CrossSiteRequestException() {
		super("Starting or cancelling a replay needs a text/csv body or an " + ReplayController.REQUESTED_BY_HEADER
				+ " header (any value), which a page on another site cannot make a browser send");
	}

}
