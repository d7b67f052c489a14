package io.ridestream.consumer.stats;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready once the statistics changelog has been read to its end: before that, {@code /stats} would show only part
 * of the statistics, so the readiness probe keeps traffic away. Down while the changelog's reader restarts after an
 * unexpected failure: {@code /stats} stands still meanwhile.
 */
@Component("statisticsChangelog")
class ChangelogHealthIndicator implements HealthIndicator {

	private final StatsChangelog changelog;

	ChangelogHealthIndicator(StatsChangelog changelog) {
		this.changelog = changelog;
	}

	@Override
	public Health health() {
		if (!this.changelog.reading()) {
			return Health.down().withDetail("reason", "the statistics changelog reader is restarting").build();
		}
		Health.Builder health = this.changelog.loaded() ? Health.up()
				: Health.outOfService().withDetail("reason", "reading the statistics changelog");
		return health.withDetail("skippedRecords", this.changelog.skippedRecords()).build();
	}

}
