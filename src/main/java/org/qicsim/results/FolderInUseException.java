package org.qicsim.results;

import java.nio.file.Path;

/** Another process is writing the results folder (it holds the folder's lock): exit 2, nothing touched. */
public final class FolderInUseException extends UserInputException {
    private static final long serialVersionUID = 1L;

    public FolderInUseException(Path folder) {
        super(folder + " is being written by another qicsim process (it holds " + folder.resolve(FolderLock.FILE)
                + "); wait for it to finish or stop it, then resume");
    }
}
