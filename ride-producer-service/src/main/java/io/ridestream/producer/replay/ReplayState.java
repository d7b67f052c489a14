package io.ridestream.producer.replay;

enum ReplayState {

	RUNNING, COMPLETED, FAILED, CANCELLED

}
