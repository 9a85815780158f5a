package org.kubenetmigrate.planner.iac;

import java.util.List;

/** One declaration of the planned cluster found in the code, able to write the edits that make it match. */
public interface IacHit {
    IacMatch match();

    /** Adds the edits that make the declaration describe the target, and findings for what it cannot edit. */
    void patch(IacTarget target, Edits edits, List<IacFinding> findings);
}
