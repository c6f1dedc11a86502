package org.govgrid.academy;

import org.govgrid.files.FileOwnerPolicy;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/** A course's video or pdf is readable by whoever may read the course. */
@Component
class CourseFiles implements FileOwnerPolicy {

	private final Courses courses;

	CourseFiles(Courses courses) {
		this.courses = courses;
	}

	@Override
	public String ownerType() {
		return Courses.OWNER_TYPE;
	}

	@Override
	public boolean canRead(long ownerId, ScopedPrincipal caller) {
		return caller.can(AcademyPermissions.READ) && this.courses.canRead(ownerId, caller);
	}

}
