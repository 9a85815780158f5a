package org.kubenetmigrate.planner.iac;

import java.util.List;

/** One declaration of the planned cluster found in the code, able to write the edits that make it match. */
public interface IacHit {
    IacMatch match();

    /** Adds the edits that make the declaration describe the target, and findings for what it cannot edit. */
    void patch(IacTarget target, Edits edits, List<IacFinding> findings);

    /** How a hit writes its edits. */
    @FunctionalInterface
    interface Patch {
        void patch(IacTarget target, Edits edits, List<IacFinding> findings);
    }

    static IacHit of(IacMatch match, Patch patch) {
        return new IacHit() {
            @Override
            public IacMatch match() {
                return match;
            }

            @Override
            public void patch(IacTarget target, Edits edits, List<IacFinding> findings) {
                patch.patch(target, edits, findings);
            }
        };
    }
}
