package io.ridestream.consumer.stats;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready once the statistics changelog has been read to its end: before that, {@code /stats} would show only part
 * of the statistics, so the readiness probe keeps traffic away.
 */
@Component("statisticsChangelog")
class ChangelogHealthIndicator implements HealthIndicator {

	private final StatsChangelog changelog;

	ChangelogHealthIndicator(StatsChangelog changelog) {
		this.changelog = changelog;
	}

	@Override
	public Health health() {
		return this.changelog.loaded() ? Health.up().build()
				: Health.outOfService().withDetail("reason", "reading the statistics changelog").build();
	}

}
